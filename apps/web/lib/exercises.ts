import 'server-only';
import {
  compileMdx,
  type ExerciseMeta,
  exerciseSources,
  listExercises,
  readPublicExercise,
} from '@gradlab/content';
import { exercisePoints } from '@gradlab/grader';
import type { PrismaClient } from '@gradlab/prisma';
import { z } from 'zod';

export const exerciseIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not an exercise id');

/** An exercise of the catalogue with what it is worth (the sum of its cases' points in spec.ts). */
export interface CatalogueExercise extends ExerciseMeta {
  points: number;
}

/** The last points computed per exercise: a spec being edited on a live server keeps its old total. */
const lastPoints = new Map<string, number>();

function withPoints(meta: ExerciseMeta): CatalogueExercise {
  try {
    const points = exercisePoints(meta.id);
    lastPoints.set(meta.id, points);
    return { ...meta, points };
  } catch (error) {
    const last = lastPoints.get(meta.id);
    if (last === undefined) throw error;
    return { ...meta, points: last };
  }
}

/** Every exercise with its points, sorted by id. */
export function catalogue(): CatalogueExercise[] {
  return listExercises().map(withPoints);
}

/** The exercise's metadata and points, or null when there is no such exercise. */
export function findExercise(id: string): CatalogueExercise | null {
  if (!exerciseIdSchema.safeParse(id).success) return null;
  const meta = listExercises().find((e) => e.id === id);
  return meta ? withPoints(meta) : null;
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
export async function syncExerciseRow(prisma: PrismaClient, meta: CatalogueExercise): Promise<void> {
  const data = { title: meta.title, topic: meta.topic, points: meta.points };
  await prisma.exercise.upsert({ where: { id: meta.id }, create: { id: meta.id, ...data }, update: data });
}
