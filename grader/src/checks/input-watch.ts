/**
 * The input-mutation check of one test case. Every array a learner function receives is watched
 * from the call until the whole case has run, then re-read: an input changed in place later (a
 * backward pass writing into the `x` its forward cached, say) is caught as well as one changed
 * during its own call. The re-read goes through the grader's own copy of the data, never through
 * a method of the learner-visible object.
 */
export class InputWatch {
  private readonly checks: (() => Promise<string | null>)[] = [];

  /** `check` resolves to a message when the input it watches has changed, else null. */
  watch(check: () => Promise<string | null>): void {
    this.checks.push(check);
  }

  /** Re-reads every watched input once; returns one message per changed input, in call order. */
  async settle(): Promise<string[]> {
    const problems: string[] = [];
    for (const check of this.checks.splice(0)) {
      const problem = await check();
      if (problem !== null && !problems.includes(problem)) problems.push(problem);
    }
    return problems;
  }
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** "affineForward changed its second argument in place; work on a copy" */
export function mutationMessage(functionName: string, argumentIndex: number): string {
  const ordinal = ordinals[argumentIndex] ?? `#${argumentIndex + 1}`;
  return `${functionName} changed its ${ordinal} argument in place; work on a copy`;
}
