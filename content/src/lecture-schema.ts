import { z } from 'zod';

/** The frontmatter every `content/lectures/*.mdx` file starts with. */
export const lectureFrontmatterSchema = z
  .object({
    title: z.string().min(1),
    order: z.number().int().positive(),
    summary: z.string().min(1),
    prerequisites: z.array(z.string()).default([]),
    relatedExercises: z.array(z.string()).default([]),
  })
  .strict();

export type LectureFrontmatter = z.infer<typeof lectureFrontmatterSchema>;

export interface LectureMeta extends LectureFrontmatter {
  /** the file name without `.mdx`, used in the URL `/lectures/<slug>` */
  slug: string;
}

export interface CompiledLecture {
  meta: LectureMeta;
  /** the bundled MDX module (for `getMDXComponent` from mdx-bundler/client) */
  code: string;
}
