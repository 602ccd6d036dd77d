import { afterAll, expect } from 'vitest';
import { createRandom, type NDArray } from '../../src/index.ts';
import { type GradcheckOptions, gradcheck, type Tensor } from '../../src/reference.ts';

const rng = createRandom(20261122);

/** Standard normal values of a shape (one seeded stream per test file). */
export function randn(...shape: number[]): NDArray {
  return rng.randn(shape);
}

/** Uniform values in [low, high). */
export function uniform(low: number, high: number, ...shape: number[]): NDArray {
  return rng.uniform(low, high, shape);
}

const results: [string, number, number][] = [];

/** Asserts that fn's VJPs agree with centred differences to 1e-7 (relative), and records the error. */
export function expectGradcheck(
  name: string,
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: NDArray[],
  options: GradcheckOptions = {},
): void {
  const result = gradcheck(fn, inputs, { seed: 7, ...options });
  results.push([name, result.maxRelativeError, result.rawMaxRelativeError]);
  expect(result.ok, `${name}: ${result.message}`).toBe(true);
  expect(result.maxRelativeError).toBeLessThan(1e-7);
  expect(result.checked).toBeGreaterThan(0);
}

afterAll(() => {
  if (process.env.GRADCHECK_REPORT)
    for (const [name, err, raw] of results)
      console.log(`gradcheck ${name.padEnd(40)} ${err.toExponential(2)} (raw ${raw.toExponential(2)})`);
});
