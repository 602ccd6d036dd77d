import type { ExerciseFunctions, GradientSelfCheck, Inputs } from '@gradlab/content';
import { createRandom, type NDArray, np } from '@gradlab/kernels';
import { isArray } from '../values.ts';
import { relativeError } from './compare.ts';

export interface SelfCheckOutcome {
  passed: boolean;
  message: string;
  metrics: Record<string, number>;
}

const STEP = 1e-5;
const SAMPLES_PER_INPUT = 8;

function withElement(x: NDArray, index: number, delta: number): NDArray {
  const data = Float64Array.from(x.toTypedArray());
  data[index] = (data[index] as number) + delta;
  return np.array(data).reshape([...x.shape]);
}

function indexOf(flat: number, shape: readonly number[]): string {
  const at: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    at.unshift(flat % (shape[d] as number));
    flat = Math.floor(flat / (shape[d] as number));
  }
  return `[${at.join(', ')}]`;
}

/**
 * Checks the learner's backward pass against their own forward pass: with a random upstream
 * gradient `dout`, each sampled input element's centred difference of sum(forward * dout)
 * (float64, h = 1e-5) must match the gradient their backward returns. A diagnostic: it says
 * whether forward and backward agree, not whether either is right.
 */
export async function selfGradientCheck(
  check: GradientSelfCheck,
  fns: ExerciseFunctions,
  inputs: Inputs,
): Promise<SelfCheckOutcome> {
  const rtol = check.rtol ?? 1e-6;
  const fail = (message: string, metrics: Record<string, number> = {}) => ({
    passed: false,
    message,
    metrics,
  });
  const first = await check.forward(fns, inputs);
  if (!isArray(first.out)) return fail('your forward pass did not return an array as its output');
  const dout = createRandom(check.seed + 1).randn([...first.out.shape]);
  const grads = await check.backward(fns, dout, first.state);

  const objective = async (perturbed: Inputs): Promise<number> => {
    const { out } = await check.forward(fns, perturbed);
    if (!isArray(out) || out.size !== dout.size) throw new Error('the forward output changed shape');
    return (out.multiply(dout).sum().item() as number) ?? 0;
  };

  const metrics: Record<string, number> = {};
  const random = createRandom(check.seed + 2);
  let worst = { error: 0, text: '' };
  for (const [name, gradKey] of Object.entries(check.wrt)) {
    const x = inputs[name];
    if (!x) return fail(`the spec's gradient check has no input "${name}"`);
    const grad = grads[gradKey];
    if (!isArray(grad)) return fail(`your backward pass returned no array "${gradKey}"`);
    if (grad.size !== x.size || grad.shape.join() !== x.shape.join()) {
      return fail(
        `${gradKey} has shape (${grad.shape.join(', ')}) but ${name} has shape (${x.shape.join(', ')})`,
      );
    }
    const analytic = grad.toTypedArray();
    const indices =
      x.size <= SAMPLES_PER_INPUT
        ? Array.from({ length: x.size }, (_, i) => i)
        : (random.choice(x.size, { size: SAMPLES_PER_INPUT, replace: false }).toArray() as number[]);
    let inputWorst = 0;
    for (const i of indices) {
      const plus = await objective({ ...inputs, [name]: withElement(x, i, STEP) });
      const minus = await objective({ ...inputs, [name]: withElement(x, i, -STEP) });
      const numeric = (plus - minus) / (2 * STEP);
      const error = relativeError(numeric, analytic[i] as number);
      inputWorst = Math.max(inputWorst, error);
      if (error > worst.error) {
        worst = {
          error,
          text: `${gradKey} at index ${indexOf(i, x.shape)}: numeric ${numeric.toPrecision(4)}, your backward ${(
            analytic[i] as number
          ).toPrecision(4)}`,
        };
      }
    }
    metrics[`${gradKey}.maxRelativeError`] = inputWorst;
  }
  const keys = Object.values(check.wrt).join(', ');
  if (worst.error <= rtol) {
    return {
      passed: true,
      message: `backward agrees with forward (${keys}): max relative error ${worst.error.toExponential(1)}`,
      metrics,
    };
  }
  return fail(
    `your backward disagrees with your forward: max relative error ${worst.error.toExponential(1)} > ${rtol.toExponential(0)}, ${worst.text}`,
    metrics,
  );
}
