import type { Inputs } from '@gradlab/content';
import { np } from '@gradlab/kernels';
import { evaluateCommonJs } from './exercise/evaluate-cjs.ts';
import type { GradeResult } from './result.ts';
import type { RunKit } from './run-kit.ts';
import { gradeCases, statusOf, summarize, type TestPlan } from './run-tests.ts';
import { WIRE_VERSION } from './sandbox/wire-json.ts';
import { inProcessRealm } from './scenario/in-process-realm.ts';
import { ConsoleCapture, type Scenario } from './scenario/realm.ts';
import { fromJsonWire } from './scenario/values-wire.ts';

/**
 * The learner's Run, in the browser (inside a Web Worker, which the page terminates when it
 * runs too long): the public cases and the gradient self-check, with the same engine, the same
 * scenario runner and the same checks as the server, against expected values the server computed.
 */

export type { RunKit } from './run-kit.ts';

/** `np` as the learner sees it in this exercise: forbidden functions throw with a clear message. */
function learnerNp(forbidden: string[]): unknown {
  if (forbidden.length === 0) return np;
  const copy: Record<string, unknown> = { ...np };
  for (const name of forbidden) {
    copy[name] = () => {
      throw new Error(`np.${name} is not allowed in this exercise: write it with other np operations`);
    };
  }
  return copy;
}

/** The plan of the kit's public cases. */
export function kitPlan(kit: RunKit): TestPlan {
  if (kit.wireVersion !== WIRE_VERSION)
    throw new Error(
      `this page is out of date (wire format ${kit.wireVersion}, expected ${WIRE_VERSION}): reload it`,
    );
  const expected = kit.cases.map((c) => fromJsonWire(c.expected) as Record<string, unknown>);
  const mistakes = kit.cases.map((c) =>
    c.mistakes.map((m) => ({
      hint: m.hint,
      outputs: fromJsonWire(m.outputs) as Record<string, unknown>,
      mutates: m.mutates,
    })),
  );
  return {
    spec: {
      functions: kit.functions,
      outputs: kit.outputs,
      ...(kit.gradcheckName ? { gradcheck: { name: kit.gradcheckName } } : {}),
    },
    cases: kit.cases.map((c) => ({
      name: c.name,
      visibility: 'public',
      points: c.points,
      inputs: fromJsonWire(c.inputs) as Inputs,
    })),
    expected: (i) => expected[i] as Record<string, unknown>,
    mistakes: (i) => mistakes[i] ?? [],
    ...(kit.gradcheckInputs ? { gradcheckInputs: fromJsonWire(kit.gradcheckInputs) as Inputs } : {}),
  };
}

/**
 * Runs the kit's public tests against the learner's compiled module (CommonJS JavaScript,
 * e.g. TypeScript emitted with `module: CommonJS`).
 */
export async function runInBrowser(kit: RunKit, learnerJs: string): Promise<GradeResult> {
  const started = performance.now();
  const plan = kitPlan(kit);
  // the scenario sees the whole engine, as in the sandbox (only the learner's np has forbidden functions)
  const scenario = evaluateCommonJs(kit.specCode, { np }) as unknown as Scenario;
  const capture = new ConsoleCapture();
  let learner: Record<string, unknown>;
  try {
    learner = evaluateCommonJs(learnerJs, { np: learnerNp(kit.forbidden), console: capture.console() });
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
  const run = await gradeCases(plan, inProcessRealm(scenario, learner, kit.functions, capture));
  return summarize(kit.exercise, plan, started, statusOf(run), run.tests, run.fatal?.message);
}

/**
 * A learner's compiled module (CommonJS) with the engine as its `np`, loaded as Run loads it:
 * for the training lab, which calls the learner's own layers in the browser.
 */
export function loadLearnerModule(js: string): Record<string, unknown> {
  return evaluateCommonJs(js, { np });
}
