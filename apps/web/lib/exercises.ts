import 'server-only';
import { type ExerciseMeta, listExercises, readPublicExercise } from '@gradlab/content';
import type { PrismaClient } from '@gradlab/prisma';
import { bundleMDX } from 'mdx-bundler';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { z } from 'zod';

export const exerciseIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not an exercise id');

/** The exercise's metadata, or null when there is no such exercise. */
export function findExercise(id: string): ExerciseMeta | null {
  if (!exerciseIdSchema.safeParse(id).success) return null;
  return listExercises().find((e) => e.id === id) ?? null;
}

const statements = new Map<string, Promise<string>>();

/**
 * The statement compiled with the lectures' pipeline (mdx-bundler, remark-math, rehype-katex
 * rendering on the server), once per process.
 */
export function compiledStatement(id: string): Promise<string> {
  let compiled = statements.get(id);
  if (!compiled) {
    const { statement } = readPublicExercise(id);
    compiled = bundleMDX({
      source: statement,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkMath];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          [rehypeKatex, { strict: 'error', throwOnError: true, output: 'htmlAndMathml' }],
        ];
        return options;
      },
    }).then((r) => r.code);
    statements.set(id, compiled);
    compiled.catch(() => statements.delete(id));
  }
  return compiled;
}

/** Makes sure the Exercise row of a content exercise exists (submissions reference it). */
export async function syncExerciseRow(prisma: PrismaClient, meta: ExerciseMeta): Promise<void> {
  const data = { title: meta.title, topic: meta.topic, points: meta.points };
  await prisma.exercise.upsert({ where: { id: meta.id }, create: { id: meta.id, ...data }, update: data });
}
