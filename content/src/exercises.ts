import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from './content-error.ts';
import { contentRoot } from './content-root.ts';
import { checkFrontmatter, splitFrontmatter } from './frontmatter.ts';

/**
 * The frontmatter of `content/exercises/<id>/exercise.mdx`. It has no `points`: an exercise is
 * worth the sum of its cases' points in spec.ts, declared there once (the grader's
 * `exercisePoints`).
 */
export const exerciseFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    topic: z.string().min(1),
    lecture: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lecture slug'),
  })
  .strict();

export interface ExerciseMeta extends z.infer<typeof exerciseFrontmatterSchema> {
  id: string;
}

/** What a learner may see of an exercise. */
export interface PublicExercise {
  meta: ExerciseMeta;
  /** the statement, MDX without its frontmatter */
  statement: string;
  starter: string;
}

/** Server-only sources: the reference solution, the spec, the known mistakes. */
export interface ExerciseSources {
  dir: string;
  specFile: string;
  solutionFile: string;
  starterFile: string;
  mistakes: { name: string; file: string }[];
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function exercisesDir(): string {
  return path.join(contentRoot(), 'exercises');
}

function exerciseDir(id: string): string {
  if (!idPattern.test(id)) throw new ContentError(id, 'not an exercise id (lower-case words joined by "-")');
  const dir = path.join(exercisesDir(), id);
  if (!fs.existsSync(path.join(dir, 'exercise.mdx'))) throw new ContentError(dir, 'no such exercise');
  return dir;
}

function requireFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new ContentError(file, `missing: every exercise folder needs ${name}`);
  return file;
}

export function readExerciseMeta(id: string): { meta: ExerciseMeta; statement: string } {
  const file = path.join(exerciseDir(id), 'exercise.mdx');
  const parsed = splitFrontmatter(file);
  if (typeof parsed.data === 'object' && parsed.data !== null && 'points' in parsed.data) {
    const line = parsed.matter.split('\n').findIndex((l) => /^points\s*:/.test(l));
    throw new ContentError(
      file,
      'frontmatter: "points" is not set here: the exercise is worth the sum of its cases\' points in spec.ts',
      line < 0 ? 1 : line + 1,
    );
  }
  const data = checkFrontmatter(file, exerciseFrontmatterSchema, parsed.data);
  return { meta: { id, ...data }, statement: parsed.content };
}

/** Every exercise folder (one with an exercise.mdx), sorted by id. */
export function listExercises(): ExerciseMeta[] {
  const dir = exercisesDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'exercise.mdx')))
    .map((e) => readExerciseMeta(e.name).meta)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function readPublicExercise(id: string): PublicExercise {
  const { meta, statement } = readExerciseMeta(id);
  const starter = fs.readFileSync(requireFile(exerciseDir(id), 'starter.ts'), 'utf8');
  return { meta, statement, starter };
}

/** Paths of the server-only files of an exercise. */
export function exerciseSources(id: string): ExerciseSources {
  const dir = exerciseDir(id);
  const mistakesDir = path.join(dir, 'mistakes');
  const mistakes = fs.existsSync(mistakesDir)
    ? fs
        .readdirSync(mistakesDir)
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => ({ name: name.replace(/\.ts$/, ''), file: path.join(mistakesDir, name) }))
    : [];
  return {
    dir,
    specFile: requireFile(dir, 'spec.ts'),
    solutionFile: requireFile(dir, 'solution.ts'),
    starterFile: requireFile(dir, 'starter.ts'),
    mistakes,
  };
}

/**
 * A version stamp of an exercise folder: the names, sizes and modification times of its files.
 * It changes whenever an author edits the folder, so that caches of a running server reload it.
 */
export function exerciseVersion(id: string): string {
  const parts: string[] = [];
  const root = exercisesDir(); // once: it searches the folders for the content root
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        parts.push(`${path.relative(root, full)}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(exerciseDir(id));
  return parts.join('|');
}
