import type { RubricItem } from '@gradlab/content';

/** A rubric grading that cannot be accepted; the message says why (the API answers 400). */
export class RubricError extends Error {}

/**
 * The points of the rubric items applied to a manually graded part: credits and deductions
 * summed, kept between 0 and the part's manual points. When only the first n items the student
 * gives count ("name two reasons"), at most n credits can apply: each credit stands for one item
 * of the answer, so a third credit would grade an item that does not count.
 */
export function rubricPoints(
  rubric: RubricItem[],
  items: string[],
  max: number,
  firstItems?: number,
): number {
  const unknown = items.filter((id) => !rubric.some((r) => r.id === id));
  if (unknown.length > 0) throw new RubricError(`items: not in the rubric: ${unknown.join(', ')}`);
  const applied = rubric.filter((r) => items.includes(r.id));
  const credits = applied.filter((r) => r.points > 0).length;
  if (firstItems !== undefined && credits > firstItems)
    throw new RubricError(
      `items: only the first ${firstItems} item(s) the student gives count, so at most ${firstItems} credit(s) apply (got ${credits})`,
    );
  return Math.max(
    0,
    Math.min(
      max,
      applied.reduce((sum, r) => sum + r.points, 0),
    ),
  );
}
