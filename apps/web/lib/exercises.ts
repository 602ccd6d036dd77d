import 'server-only';
import {
  compileMdx,
  type ExerciseMeta,
  exerciseSources,
  listExercises,
  readPublicExercise,
} from '@gradlab/content';
import type { PrismaClient } from '@gradlab/prisma';
import { z } from 'zod';

export const exerciseIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not an exercise id');

/** The exercise's metadata, or null when there is no such exercise. */
export function findExercise(id: string): ExerciseMeta | null {
  if (!exerciseIdSchema.safeParse(id).success) return null;
  return listExercises().find((e) => e.id === id) ?? null;
}

const statements = new Map<string, Promise<string>>();

/** The statement compiled with the course's one MDX compiler (the lectures' too), once per process. */
export function compiledStatement(id: string): Promise<string> {
  let compiled = statements.get(id);
  if (!compiled) {
    const { statement } = readPublicExercise(id);
    const file = exerciseSources(id).starterFile.replace(/starter\.ts$/, 'exercise.mdx');
    compiled = compileMdx(statement, file);
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
