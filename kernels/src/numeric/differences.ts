import { relativeError } from './relative-error.ts';

/**
 * Finite differences as gradlab computes them everywhere (the engine's `numericGradient` and
 * `gradcheck`, the grader's gradient self-check, the lectures' worked examples): the centred
 * difference (f(x + h) - f(x - h)) / 2h, and a kink test on the one-sided slopes.
 */

/** The centred difference from f(x + h) and f(x - h). */
export function centredDifference(plus: number, minus: number, h: number): number {
  return (plus - minus) / (2 * h);
}

/** The one-sided difference (f(x + h) - f(x)) / h, the lecture's example of a worse estimate. */
export function forwardDifference(plus: number, at: number, h: number): number {
  return (plus - at) / h;
}

/**
 * Whether a kink (a non-differentiable point, e.g. ReLU's 0) lies between x - h and x + h: the
 * forward and backward slopes disagree far beyond rounding (relative error above 1e-3 and
 * absolute difference above 1e-6). A centred difference across a kink says nothing about
 * either side, so a gradient check skips that element.
 */
export function kinkBetween(plus: number, at: number, minus: number, h: number): boolean {
  const forward = forwardDifference(plus, at, h);
  const backward = forwardDifference(at, minus, h);
  return relativeError(forward, backward) > 1e-3 && Math.abs(forward - backward) > 1e-6;
}
