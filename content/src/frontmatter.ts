import fs from 'node:fs';
import matter from 'gray-matter';
import type { z } from 'zod';
import { ContentError } from './content-error.ts';

/** A content file split into its YAML frontmatter and its body; invalid YAML names the file. */
export function splitFrontmatter(file: string): matter.GrayMatterFile<string> {
  try {
    return matter(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(file, `frontmatter is not valid YAML: ${(err as Error).message}`, 1);
  }
}

/** Frontmatter checked against its schema; each problem names its field. */
export function checkFrontmatter<S extends z.ZodType>(file: string, schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `"${i.path.join('.') || '(root)'}": ${i.message}`);
  throw new ContentError(file, `frontmatter: ${problems.join('; ')}`, 1);
}

/** A content file's checked frontmatter and its body. */
export function readFrontmatter<S extends z.ZodType>(
  file: string,
  schema: S,
): { data: z.infer<S>; content: string } {
  const parsed = splitFrontmatter(file);
  return { data: checkFrontmatter(file, schema, parsed.data), content: parsed.content };
}
