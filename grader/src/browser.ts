import type { ExerciseFunctions, GradientSelfCheck, Inputs } from '@gradlab/content';
import { NDArray, np } from '@gradlab/kernels';
import { type InputWatch, mutationMessage } from './checks/input-watch.ts';
import { evaluateCommonJs } from './exercise/evaluate-cjs.ts';
import { ResultShapeError } from './learner-functions.ts';
import type { GradeResult } from './result.ts';
import type { RunKit, WireArray } from './run-kit.ts';
import { runTests, type ScenarioSpec, statusOf, summarize, type TestPlan } from './run-tests.ts';
import { isArray } from './values.ts';

/**
 * The learner's Run, in the browser (inside a Web Worker, which the page terminates when it
 * runs too long): the public cases and the gradient self-check, with the same engine and the
 * same checks as the server, against expected values the server computed.
 */

export type { RunKit, WireArray } from './run-kit.ts';

function fromWire(w: WireArray): NDArray {
  const array = np.array(Float64Array.from(w.data)).reshape(w.shape);
  return w.dtype === 'float64' ? array : array.astype(w.dtype);
}

function fromWireRecord(record: Record<string, WireArray>): Inputs {
  const out: Inputs = {};
  for (const [k, v] of Object.entries(record)) out[k] = fromWire(v);
  return out;
}

/** `np` as the learner sees it in this exercise: forbidden functions throw with a clear message. */
function learnerNp(forbidden: string[]): unknown {
  if (forbidden.length === 0) return np;
  const copy: Record<string, unknown> = { ...np };
  for (const name of forbidden) {
    copy[name] = () => {
      throw new Error(`np.${name} is not allowed in this exercise`);
    };
  }
  return copy;
}

function sameValues(a: NDArray, b: NDArray): boolean {
  if (a.shape.join() !== b.shape.join()) return false;
  const x = a.toTypedArray();
  const y = b.toTypedArray();
  for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  return true;
}

/**
 * Runs the kit's public tests against the learner's compiled module (CommonJS JavaScript,
 * e.g. TypeScript emitted with `module: CommonJS`).
 */
export async function runInBrowser(kit: RunKit, learnerJs: string): Promise<GradeResult> {
  const started = performance.now();
  const scenario = evaluateCommonJs(kit.specCode, {});
  const spec: ScenarioSpec = {
    functions: kit.functions,
    outputs: kit.outputs,
    run: scenario.run as ScenarioSpec['run'],
    ...(scenario.gradcheck ? { gradcheck: scenario.gradcheck as GradientSelfCheck } : {}),
  };
  const plan: TestPlan = {
    spec,
    cases: kit.cases.map((c) => ({
      name: c.name,
      visibility: 'public',
      points: c.points,
      inputs: fromWireRecord(c.inputs),
    })),
    expected: async (i) => fromWireRecord((kit.cases[i] as RunKit['cases'][number]).expected),
    hints: async () => [],
    ...(kit.gradcheckInputs ? { gradcheckInputs: fromWireRecord(kit.gradcheckInputs) } : {}),
  };

  let learner: Record<string, unknown>;
  try {
    learner = evaluateCommonJs(learnerJs, { np: learnerNp(kit.forbidden) });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return summarize(
      kit.exercise,
      plan,
      started,
      'runtime_error',
      [],
      `your module failed while loading: ${message}`,
    );
  }

  const functions = (watch: InputWatch | null): ExerciseFunctions => {
    const fns: ExerciseFunctions = {};
    for (const name of kit.functions) {
      fns[name] = async (...args: unknown[]) => {
        const copies = args.map((a) => (isArray(a) ? a.copy() : a));
        const result = await (learner[name] as (...a: unknown[]) => unknown)(...copies);
        copies.forEach((copy, i) => {
          const original = args[i];
          if (watch && isArray(original) && isArray(copy))
            watch.watch(async () => (sameValues(original, copy) ? null : mutationMessage(name, i)));
        });
        if (
          result === null ||
          typeof result !== 'object' ||
          Array.isArray(result) ||
          result instanceof NDArray
        ) {
          throw new ResultShapeError(`${name} must return an object such as { out, cache }`);
        }
        return result as Record<string, unknown>;
      };
    }
    return fns;
  };
  const run = await runTests(plan, {
    functions,
    missing: kit.functions.filter((name) => typeof learner[name] !== 'function'),
  });
  return summarize(kit.exercise, plan, started, statusOf(run), run.tests, run.fatal?.message);
}
