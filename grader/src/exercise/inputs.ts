import type { InputGenerator } from '@gradlab/content';
import { createRandom, type NDArray } from '@gradlab/kernels';

/** The seeded input generators of one case: the same seed gives the same inputs everywhere. */
export function inputGenerator(seed: number): InputGenerator {
  const random = createRandom(seed);
  return {
    randn(shape, { scale = 1, shift = 0 } = {}): NDArray {
      return random.randn(shape).multiply(scale).add(shift);
    },
    uniform(shape, { low = 0, high = 1 } = {}): NDArray {
      return random
        .rand(shape)
        .multiply(high - low)
        .add(low);
    },
    randint(shape, low, high): NDArray {
      return random.randint(low, high, { size: shape });
    },
  };
}
