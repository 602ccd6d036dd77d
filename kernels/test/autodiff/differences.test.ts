import { describe, expect, it } from 'vitest';
import { centredDifference, forwardDifference, kinkBetween } from '../../src/index.ts';

describe('finite differences (shared by the engine, the grader and the lectures)', () => {
  const h = 1e-5;
  it('the centred difference is exact on a quadratic, the forward one is off by h', () => {
    const f = (x: number) => 3 * x * x;
    expect(centredDifference(f(2 + h), f(2 - h), h)).toBeCloseTo(12, 6);
    expect(forwardDifference(f(2 + h), f(2), h) - 12).toBeCloseTo(3 * h, 6);
  });
  it('finds a kink between x - h and x + h, and none on smooth functions or away from it', () => {
    const relu = (x: number) => Math.max(x, 0);
    expect(kinkBetween(relu(h / 2 + h), relu(h / 2), relu(h / 2 - h), h)).toBe(true);
    expect(kinkBetween(relu(1 + h), relu(1), relu(1 - h), h)).toBe(false);
    expect(kinkBetween(Math.exp(h), Math.exp(0), Math.exp(-h), h)).toBe(false);
    expect(kinkBetween(Math.abs(h), Math.abs(0), Math.abs(-h), h)).toBe(true);
  });
});
