import type { LabSetup } from './setup.ts';

/**
 * Plain-language notes on a run: the first loss far from log C (a bad initialization or a loss
 * bug), a loss that does not go down, validation falling behind training.
 */
export function diagnose(
  history: { loss: number; trainAccuracy: number; validationAccuracy: number }[],
  classes: number,
  lossKind: LabSetup['loss'],
): string[] {
  const notes: string[] = [];
  const first = history[0];
  // with scores near 0: softmax gives log C, the multiclass SVM (margin 1) gives C - 1
  const expected = lossKind === 'softmax' ? Math.log(classes) : classes - 1;
  const formula = lossKind === 'softmax' ? `log ${classes}` : `${classes} - 1`;
  if (first && Math.abs(first.loss - expected) > 0.5 * expected + 0.3)
    notes.push(
      `The first loss is ${first.loss.toFixed(3)}; with small random weights this loss over ${classes} classes starts near ${formula} = ${expected.toFixed(3)}. Check the initialization scale, or the loss.`,
    );
  if (history.length >= 20) {
    const early = history.slice(0, 5).reduce((s, h) => s + h.loss, 0) / 5;
    const late = history.slice(-5).reduce((s, h) => s + h.loss, 0) / 5;
    if (late > early * 0.98)
      notes.push(
        'The loss is not going down: try a larger learning rate (or a smaller one if it jumps about), and check the backward passes with "Check my layers" in the exercises.',
      );
    const last = history[history.length - 1];
    if (last && last.trainAccuracy - last.validationAccuracy > 0.1)
      notes.push(
        `Training accuracy (${Math.round(last.trainAccuracy * 100)}%) is well above validation (${Math.round(last.validationAccuracy * 100)}%): the network is overfitting. More L2, fewer hidden units or more data help.`,
      );
  }
  return notes;
}
