import { createRandom, type NDArray, np, numericGradient, relativeError } from '@gradlab/kernels';
import { type BlockId, blocks, blocksOf } from './blocks.ts';
import type { LabSetup } from './setup.ts';
import type { LearnerModules } from './train.ts';

/**
 * "Check my layers": before training, each block of the model is checked on small random inputs,
 * its backward against centred differences of its own forward (float64, relative error
 * |a - n| / max(1e-8, |a| + |n|) as the course defines it), and the optimizer by whether its
 * steps bring down a simple bowl.
 */

export interface BlockCheck {
  block: string;
  ok: boolean;
  /** the largest relative error found (null for the optimizer) */
  maxRelativeError: number | null;
  message: string;
}

type Fn = (...args: unknown[]) => Record<string, unknown>;

const TOLERANCE = 1e-6;

function largestError(analytic: NDArray, numeric: NDArray): number {
  const a = analytic.toTypedArray() as Float64Array;
  const n = numeric.toTypedArray() as Float64Array;
  let worst = 0;
  for (let i = 0; i < n.length; i++) worst = Math.max(worst, relativeError(a[i] ?? Number.NaN, n[i] ?? 0));
  return Number.isNaN(worst) ? Number.POSITIVE_INFINITY : worst;
}

/** sum(forward(...) * dout): the scalar whose gradient the backward pass must give. */
const dot = (out: NDArray, dout: NDArray) => out.multiply(dout).sum().item();

export function checkBlocks(setup: LabSetup, modules: LearnerModules): BlockCheck[] {
  const random = createRandom(setup.seed + 99);
  const fn = (id: BlockId, index: number): Fn => {
    const block = blocks[id];
    const f = modules[block.exercise]?.[block.functions[index] as string];
    if (typeof f !== 'function')
      throw new Error(`your ${block.exercise} code has no function ${block.functions[index]}`);
    return f as Fn;
  };
  const results: BlockCheck[] = [];
  for (const id of blocksOf(setup)) {
    const name = blocks[id].name;
    try {
      results.push(checkOne(id, name, fn, random));
    } catch (error) {
      results.push({
        block: name,
        ok: false,
        maxRelativeError: null,
        message: `it threw: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return results;
}

function verdict(name: string, errors: Record<string, number>): BlockCheck {
  const worst = Math.max(...Object.values(errors));
  const bad = Object.entries(errors).filter(([, e]) => !(e <= TOLERANCE));
  return {
    block: name,
    ok: bad.length === 0,
    maxRelativeError: worst,
    message:
      bad.length === 0
        ? `backward matches centred differences of forward (largest relative error ${worst.toExponential(1)})`
        : `${bad.map(([what, e]) => `${what}: relative error ${e.toExponential(1)}`).join(', ')}: the backward pass does not match the forward pass`,
  };
}

/**
 * A block `forward(x, a, b, param)` with three inputs (convolution, batch normalization): each of
 * the gradients `names` from `backward(dout, cache)` against centred differences of forward.
 */
function checkThreeInputs(
  name: string,
  forward: Fn,
  backward: Fn,
  inputs: [NDArray, NDArray, NDArray],
  names: [string, string, string],
  param: unknown,
  dout: NDArray,
): BlockCheck {
  const out = (args: NDArray[]) => forward(...args, param).out as NDArray;
  const grads = backward(dout, forward(...inputs, param).cache);
  const errors: Record<string, number> = {};
  for (const [k, gradName] of names.entries()) {
    const varied = (v: NDArray) => inputs.map((input, j) => (j === k ? v : input));
    errors[gradName] = largestError(
      grads[gradName] as NDArray,
      numericGradient((v) => dot(out(varied(v)), dout), inputs[k] as NDArray),
    );
  }
  return verdict(name, errors);
}

function checkOne(
  id: BlockId,
  name: string,
  fn: (id: BlockId, index: number) => Fn,
  random: ReturnType<typeof createRandom>,
): BlockCheck {
  if (id === 'conv-fast' || id === 'conv-naive') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    const x = random.randn(2, 2, 4, 4);
    const w = random.randn(3, 2, 3, 3);
    const b = random.randn(3);
    const convParam = { stride: 1, pad: 1 };
    const dout = random.randn(2, 3, 4, 4);
    return checkThreeInputs(name, forward, backward, [x, w, b], ['dx', 'dw', 'db'], convParam, dout);
  }
  if (id === 'maxpool') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    // distinct values 0.1 apart: no window holds a tie that a small difference step could flip
    const x = random.permutation(32).astype('float64').multiply(0.1).reshape(1, 2, 4, 4);
    const poolParam = { poolHeight: 2, poolWidth: 2, stride: 2 };
    const dout = random.randn(1, 2, 2, 2);
    const { dx } = backward(dout, forward(x, poolParam).cache);
    return verdict(name, {
      dx: largestError(
        dx as NDArray,
        numericGradient((v) => dot(forward(v, poolParam).out as NDArray, dout), x),
      ),
    });
  }
  if (id === 'affine') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    const x = random.randn(4, 3);
    const w = random.randn(3, 5);
    const b = random.randn(5);
    const dout = random.randn(4, 5);
    const { cache } = forward(x, w, b);
    const grads = backward(dout, cache);
    return verdict(name, {
      dx: largestError(
        grads.dx as NDArray,
        numericGradient((v) => dot(forward(v, w, b).out as NDArray, dout), x),
      ),
      dw: largestError(
        grads.dw as NDArray,
        numericGradient((v) => dot(forward(x, v, b).out as NDArray, dout), w),
      ),
      db: largestError(
        grads.db as NDArray,
        numericGradient((v) => dot(forward(x, w, v).out as NDArray, dout), b),
      ),
    });
  }
  if (id === 'relu' || id === 'tanh' || id === 'sigmoid' || id === 'leaky-relu') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    const extra = id === 'leaky-relu' ? [0.01] : [];
    // away from the kink at 0, where no difference quotient is fair
    const raw = random.randn(4, 5);
    const x = raw.add(np.where(raw.greaterEqual(0), 0.1, -0.1));
    const dout = random.randn(4, 5);
    const { cache } = forward(x, ...extra);
    const { dx } = backward(dout, cache);
    return verdict(name, {
      dx: largestError(
        dx as NDArray,
        numericGradient((v) => dot(forward(v, ...extra).out as NDArray, dout), x),
      ),
    });
  }
  if (id === 'batchnorm') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    const x = random.randn(6, 4);
    const gamma = random.randn(4);
    const beta = random.randn(4);
    const dout = random.randn(6, 4);
    const param = { mode: 'train' };
    return checkThreeInputs(
      name,
      forward,
      backward,
      [x, gamma, beta],
      ['dx', 'dgamma', 'dbeta'],
      param,
      dout,
    );
  }
  if (id === 'dropout') {
    const [forward, backward] = [fn(id, 0), fn(id, 1)];
    const x = random.randn(4, 5);
    const param = { p: 0.3, mode: 'train', u: random.rand(4, 5) };
    const dout = random.randn(4, 5);
    const { dx } = backward(dout, forward(x, param).cache);
    return verdict(name, {
      dx: largestError(
        dx as NDArray,
        numericGradient((v) => dot(forward(v, param).out as NDArray, dout), x),
      ),
    });
  }
  if (id === 'softmax' || id === 'svm') {
    const loss = fn(id, 0);
    const scores = random.randn(5, 3);
    const y = random.randint(0, 3, { size: [5] });
    const { dscores } = loss(scores, y);
    return verdict(name, {
      dscores: largestError(
        dscores as NDArray,
        numericGradient((v) => Number(loss(v, y).loss), scores),
      ),
    });
  }
  // an optimizer: 50 steps on the bowl f(w) = sum(w^2) (gradient 2w) must go most of the way down
  const update = fn(id, 0);
  let w: NDArray = random.randn(6);
  const start = w.square().sum().item();
  let config: Record<string, unknown> = { learningRate: id === 'adam' || id === 'rmsprop' ? 0.1 : 0.05 };
  for (let i = 0; i < 50; i++) {
    const next = update(w, w.multiply(2), config);
    w = next.nextW as NDArray;
    config = next.config as Record<string, unknown>;
  }
  const end = w.square().sum().item();
  const ok = Number.isFinite(end) && end < 0.5 * start;
  return {
    block: name,
    ok,
    maxRelativeError: null,
    message: ok
      ? `50 steps on the bowl sum(w²) bring it from ${start.toFixed(3)} to ${end.toExponential(2)}`
      : `50 steps on the bowl sum(w²) went from ${start.toFixed(3)} to ${end}: the update does not descend`,
  };
}
