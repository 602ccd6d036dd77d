// What question generators (content/questions/<id>/question.ts) see besides `np` and NDArray
// (exercises/learner-globals.d.ts): the helpers the grader passes in. Type checking only.
import type { statementQuestion as StatementQuestion } from '../src/statement-question.ts';

declare global {
  const statementQuestion: typeof StatementQuestion;
}
