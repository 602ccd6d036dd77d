import type { QuestionSpec } from './question-spec.ts';

/** A statement of a true-or-false pool: its text (shown), whether it is true, and why (for the worked solution). */
export interface Statement {
  text: string;
  true: boolean;
  why: string;
}

/**
 * A multiple-choice question as the past exams ask them: `shown` statements (4) drawn from a
 * pool, one to shown - 1 of them true, "select all that apply", scored all-or-nothing for
 * `points` (2). The variant's `verdicts` parameter lists each shown statement's verdict and
 * reason, for the worked solution (`{{verdicts}}`). Its listed wrong answers: every option, no
 * option, the true ones and one false one, one true one fewer. question.ts files get it as a
 * global: `export default statementQuestion(statements);`
 */
export function statementQuestion(
  pool: readonly Statement[],
  options: { shown?: number; points?: number } = {},
): QuestionSpec {
  const shown = options.shown ?? 4;
  const points = options.points ?? 2;
  const trueCount = pool.filter((s) => s.true).length;
  if (pool.length < shown || trueCount === 0 || trueCount === pool.length)
    throw new Error(
      `statementQuestion: the pool needs at least ${shown} statements, some true and some false (it has ${pool.length}, ${trueCount} true)`,
    );
  const keyOf = (variant: Parameters<NonNullable<QuestionSpec['wrong']>[number]['response']>[0]) =>
    (variant.parts.a as { key: number[] }).key;
  const every = Array.from({ length: shown }, (_, i) => i);
  return {
    generate(g) {
      for (;;) {
        const chosen = g.shuffle(pool).slice(0, shown);
        const key = chosen.flatMap((s, i) => (s.true ? [i] : []));
        // one to shown - 1 true statements, so that "every option" and "no option" are always wrong
        if (key.length < 1 || key.length > shown - 1) continue;
        return {
          params: {
            verdicts: chosen
              .map((s, i) => `- (${i + 1}) **${s.true ? 'True' : 'False'}.** ${s.why}`)
              .join('\n'),
          },
          parts: {
            a: { type: 'multi', points, scoring: 'all-or-nothing', options: chosen.map((s) => s.text), key },
          },
        };
      }
    },
    wrong: [
      { part: 'a', why: 'every option', response: () => every },
      { part: 'a', why: 'no option', response: () => [] },
      {
        part: 'a',
        why: 'the true statements and one false one',
        response: (v) => [...keyOf(v), every.find((i) => !keyOf(v).includes(i)) as number],
      },
      { part: 'a', why: 'one true statement fewer', response: (v) => keyOf(v).slice(1) },
    ],
  };
}
