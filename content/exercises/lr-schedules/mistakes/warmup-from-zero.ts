// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  'linearWarmup is one step behind (0 at t = 0): in this course step t of warm-up uses lr0 * (t + 1) / warmupSteps, so the first step already moves and lr0 is reached at t = warmupSteps - 1.';

export function linearWarmup(lr0: number, t: number, config: { warmupSteps: number }) {
  return { lr: lr0 * Math.min(1, t / config.warmupSteps) };
}
