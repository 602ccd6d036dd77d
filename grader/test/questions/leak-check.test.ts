/**
 * `gradlab check` on a question refuses a worked solution or generator code that the student
 * would see (in the prompt or an option), as the e2e secret scan would find it in a page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot } from '@gradlab/content';
import { afterAll, describe, expect, it } from 'vitest';
import { checkQuestionReport } from '../../src/questions/check-question.ts';

const real = contentRoot();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-questions-'));
// a link, so that the lectures' examples resolve the engine from the repository
fs.symlinkSync(path.join(real, 'lectures'), path.join(root, 'lectures'));
fs.copyFileSync(path.join(real, 'package.json'), path.join(root, 'package.json'));
const copy = (id: string) => {
  fs.cpSync(path.join(real, 'questions', 'mc-segmentation'), path.join(root, 'questions', id), {
    recursive: true,
  });
  return path.join(root, 'questions', id);
};
const previous = process.env.GRADLAB_CONTENT_DIR;
process.env.GRADLAB_CONTENT_DIR = root;

afterAll(() => {
  if (previous === undefined) delete process.env.GRADLAB_CONTENT_DIR;
  else process.env.GRADLAB_CONTENT_DIR = previous;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the secret check of gradlab check', () => {
  it('passes the question as it is', async () => {
    copy('as-is');
    expect((await checkQuestionReport('as-is')).problems).toEqual([]);
  }, 60_000);

  it('names the solution line whose text an option shows', async () => {
    const dir = copy('solution-in-option');
    const solution = path.join(dir, 'solution.mdx');
    const lines = fs.readFileSync(solution, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(
      solution,
      `${lines.join('\n')}\nSemantic segmentation assigns one class label to the whole image.\n`,
    );
    const report = await checkQuestionReport('solution-in-option');
    expect(report.problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['solution.mdx', lines.length + 1],
    ]);
    expect(report.problems[0]?.message).toContain('part of the worked solution');
  }, 60_000);

  it('names the generator line that an option shows', async () => {
    const dir = copy('code-in-option');
    const generator = path.join(dir, 'question.ts');
    const code =
      '/** The pool: each variant shows four of these statements, with one to three of them true. */';
    fs.writeFileSync(
      generator,
      fs
        .readFileSync(generator, 'utf8')
        .replace("'Semantic segmentation assigns one class label to the whole image.'", JSON.stringify(code))
        .replace("'A transposed convolution has no learnable parameters.'", JSON.stringify(code)),
    );
    const report = await checkQuestionReport('code-in-option');
    expect(report.problems.map((p) => path.basename(p.file))).toEqual(['question.ts']);
    expect(report.problems[0]?.message).toContain(`generator code (in the prompt or an option): "${code}"`);
  }, 60_000);
});
