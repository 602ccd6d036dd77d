import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from './content-error.ts';
import { contentRoot } from './content-root.ts';
import { readFrontmatter } from './frontmatter.ts';

/** The frontmatter of `content/questions/<id>/question.mdx`. Points are the parts' sum. */
export const questionFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    lecture: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lecture slug'),
    topic: z.string().min(1),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface QuestionMeta extends z.infer<typeof questionFrontmatterSchema> {
  id: string;
}

/** A question folder's files: the prompt (public once rendered), the server-only generator and solution. */
export interface QuestionSources {
  dir: string;
  promptFile: string;
  questionFile: string;
  solutionFile: string;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function questionsDir(): string {
  return path.join(contentRoot(), 'questions');
}

function questionDir(id: string): string {
  if (!idPattern.test(id)) throw new ContentError(id, 'not a question id (lower-case words joined by "-")');
  const dir = path.join(questionsDir(), id);
  if (!fs.existsSync(path.join(dir, 'question.mdx'))) throw new ContentError(dir, 'no such question');
  return dir;
}

export function questionSources(id: string): QuestionSources {
  const dir = questionDir(id);
  const file = (name: string) => {
    const full = path.join(dir, name);
    if (!fs.existsSync(full)) throw new ContentError(full, `missing: every question folder needs ${name}`);
    return full;
  };
  return {
    dir,
    promptFile: file('question.mdx'),
    questionFile: file('question.ts'),
    solutionFile: file('solution.mdx'),
  };
}

/** A question's frontmatter and its prompt (MDX with `{{param}}` placeholders). */
export function readQuestionMeta(id: string): { meta: QuestionMeta; prompt: string } {
  const file = path.join(questionDir(id), 'question.mdx');
  const { data, content } = readFrontmatter(file, questionFrontmatterSchema);
  return { meta: { id, ...data }, prompt: content };
}

/** The id of every question folder (a folder with a question.mdx), sorted, without reading them. */
export function listQuestionIds(): string[] {
  const dir = questionsDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'question.mdx')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Every question folder, sorted by id (a malformed frontmatter throws its ContentError). */
export function listQuestions(): QuestionMeta[] {
  return listQuestionIds().map((id) => readQuestionMeta(id).meta);
}

/**
 * Puts a variant's parameters into MDX: `{{name}}` becomes the parameter's value. An unknown
 * name is an error naming it (a typo would otherwise show braces to students).
 */
export function fillParams(source: string, params: Record<string, string | number>, file: string): string {
  return source.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in params)) throw new ContentError(file, `{{${name}}} is not a parameter of this variant`);
    return String(params[name]);
  });
}
