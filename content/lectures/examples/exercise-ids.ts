/**
 * The exercise ids that lectures may list in `relatedExercises`. Only exercises that exist go
 * here; the lecture-examples test checks every lecture's frontmatter against this list.
 */
export const knownExerciseIds = ['affine-layer'] as const;

export type KnownExerciseId = (typeof knownExerciseIds)[number];
