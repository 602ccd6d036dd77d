import type { QuestionSpec } from '@gradlab/content';

/**
 * A code question: the student writes one of two small losses of the catalogue (the exercise
 * is drawn per variant), graded by the grader with that exercise's cases; then one value of
 * the loss for small numbers, computed here with the engine.
 */
const tasks = {
  'mse-loss': {
    title: 'The mean squared error',
    task: 'Write `mseLoss(pred, target)` for `pred` and `target` of shape $(N, D)$, returning `{ loss, dpred }`: the loss (a number) and its gradient with respect to `pred`.',
    formula:
      'L = \\frac{1}{2N} \\sum_{n,d} (p_{nd} - t_{nd})^2, \\qquad \\frac{\\partial L}{\\partial p} = \\frac{p - t}{N}',
    // a wrong program: the gradient without the 1/N
    wrong: `export function mseLoss(pred: NDArray, target: NDArray) {
  const n = pred.shape[0] ?? 1;
  const diff = pred.subtract(target);
  return { loss: diff.multiply(diff).sum().item() / (2 * n), dpred: diff };
}`,
  },
  'bce-loss': {
    title: 'Binary cross-entropy from logits',
    task: 'Write `bceLoss(logits, y)` for logits $z$ and labels $y \\in \\{0, 1\\}$ of shape $(N,)$, returning `{ loss, dlogits }`, computed stably for large $|z|$.',
    formula:
      'L = \\frac{1}{N} \\sum_n \\big(\\max(z_n, 0) - z_n y_n + \\log(1 + e^{-|z_n|})\\big), \\qquad \\frac{\\partial L}{\\partial z} = \\frac{\\sigma(z) - y}{N}',
    // a wrong program: the gradient's sign flipped
    wrong: `export function bceLoss(logits: NDArray, y: NDArray) {
  const n = logits.shape[0] ?? 1;
  const loss = np.maximum(logits, 0).subtract(logits.multiply(y)).add(np.log(np.abs(logits).negative().exp().add(1)));
  const p = np.array([1]).divide(logits.negative().exp().add(1));
  return { loss: loss.sum().item() / n, dlogits: y.subtract(p).divide(n) };
}`,
  },
} as const;

type ExerciseId = keyof typeof tasks;

const question: QuestionSpec = {
  generate(g) {
    const exercise = g.pick(Object.keys(tasks) as ExerciseId[]);
    const { title, task, formula } = tasks[exercise];
    let key: number;
    let askValue: string;
    if (exercise === 'mse-loss') {
      const pred = [g.int(-3, 3), g.int(-3, 3)];
      const target = [g.int(-3, 3), g.int(-3, 3)];
      if (pred[0] === target[0]) pred[0] = (pred[0] ?? 0) + 1;
      const diff = np.array([pred]).subtract(np.array([target]));
      key = diff.multiply(diff).sum().item() / 2;
      askValue = `What is the loss for one example ($N = 1$) with $p = (${pred.join(', ')})$ and $t = (${target.join(', ')})$?`;
    } else {
      const z = g.pick([-2, -1, 0.5, 1, 2, 3]);
      const y = g.pick([0, 1]);
      const zs = np.array([z]);
      key = np
        .maximum(zs, 0)
        .subtract(zs.multiply(y))
        .add(np.log(np.abs(zs).negative().exp().add(1)))
        .item();
      askValue = `What is the loss for one example with logit $z = ${z}$ and label $y = ${y}$?`;
    }
    return {
      params: { exercise, title, task, formula, askValue, value: Number(key.toPrecision(3)) },
      parts: {
        a: { type: 'code', points: 6, exercise },
        b: { type: 'numeric', points: 2, key, tolerance: { sigfigs: 3 } },
      },
    };
  },
  wrong: [
    {
      part: 'a',
      why: 'a listed mistake of the exercise (the gradient without its 1/N, or with its sign flipped)',
      response: (v) => tasks[v.params.exercise as ExerciseId].wrong,
      expect: (v) => (v.params.exercise === 'mse-loss' ? 0.4 : 0),
    },
    { part: 'a', why: 'code that does not compile', response: () => 'export function (' },
    {
      part: 'b',
      why: 'twice the loss (the 1/2 or the mean forgotten)',
      response: (v) => String(2 * Number(v.params.value)),
    },
  ],
};

export default question;
