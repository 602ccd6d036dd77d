/** The sandbox as a realm: the scenario runs in the learner's isolate (see sandbox/guest/harness.ts). */
import type { Inputs } from '@gradlab/content';
import type { LoadedExercise } from '../exercise/load-exercise.ts';
import type { CaseOutcome, Realm, SelfCheckOutcome } from '../run-tests.ts';
import type { SandboxApi, SandboxArg, SandboxFailure } from '../sandbox/types.ts';
import { fromGuest } from '../values.ts';
import { scenarioBundle } from './bundle.ts';

/** The scenario code the sandbox evaluates before the learner's module. */
export function bundleForSandbox(exercise: LoadedExercise): Promise<string> {
  return scenarioBundle(exercise);
}

function failed(failure: SandboxFailure): {
  ok: false;
  message: string;
  logs?: string[];
  fatal?: SandboxFailure;
} {
  return {
    ok: false,
    message: failure.stack ? `${failure.message}\n${failure.stack}` : failure.message,
    ...(failure.logs?.length ? { logs: failure.logs } : {}),
    ...(failure.fatal ? { fatal: failure } : {}),
  };
}

export function sandboxRealm(sandbox: Pick<SandboxApi, 'runCase' | 'selfCheck'>, missing: string[]): Realm {
  return {
    missing,
    async runCase(inputs: Inputs): Promise<CaseOutcome> {
      const result = await sandbox.runCase(inputs as unknown as Record<string, SandboxArg>);
      if (!result.ok) return failed(result.failure);
      const outputs = fromGuest(result.value.outputs);
      if (outputs === null || typeof outputs !== 'object')
        return { ok: false, message: 'the scenario returned no outputs' };
      return {
        ok: true,
        outputs: outputs as Record<string, unknown>,
        mutations: result.value.mutations,
        logs: result.value.logs,
      };
    },
    async selfCheck(inputs: Inputs): Promise<SelfCheckOutcome> {
      const result = await sandbox.selfCheck(inputs as unknown as Record<string, SandboxArg>);
      if (!result.ok) return failed(result.failure);
      return { ok: true, ...result.value };
    },
  };
}
