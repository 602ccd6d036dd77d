/** Inverted dropout. */
import { mul } from '../autodiff/ops.ts';
import type { Tensor } from '../autodiff/tensor.ts';
import { ArgumentError } from '../ndarray/errors.ts';
import { createRandom } from '../ndarray/random.ts';
import { np } from '../np.ts';

export interface DropoutOptions {
  /** Training mode drops units; evaluation mode (false) returns x unchanged. Default true. */
  train?: boolean;
  /** Seed of the mask (same seed, same mask). Default 0. */
  seed?: number;
}

/**
 * Inverted dropout: in training each unit is dropped with probability p and the survivors are
 * scaled by 1 / (1 - p), so E[out] = x and evaluation needs no rescaling. The gradient flows
 * through the same mask: dx = g * mask / (1 - p).
 */
export function dropout(x: Tensor, p: number, options: DropoutOptions = {}): Tensor {
  if (!(p >= 0 && p < 1)) throw new ArgumentError(`dropout: p is the drop probability, in [0, 1), got ${p}`);
  if (options.train === false || p === 0) return x;
  const keep = np.greaterEqual(createRandom(options.seed ?? 0).rand([...x.shape]), p);
  return mul(x, np.divide(keep, 1 - p));
}
