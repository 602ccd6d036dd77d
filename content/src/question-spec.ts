import type { NDArray } from '@gradlab/kernels';

/**
 * A question of the bank (`content/questions/<id>/question.ts`, default export): it generates a
 * variant from a seed, its parameters (substituted for `{{name}}` in question.mdx and
 * solution.mdx) and its parts, each an answer type with its key computed with the engine.
 * Everything here stays on the server: a browser sees the prompt and the parts' public fields
 * (options, items, field names), never a key, until the attempt is graded.
 */

/** Seeded generators for a variant (one stream per seed). */
export interface QuestionGenerator {
  /** an integer in [low, high] (both included) */
  int(low: number, high: number): number;
  /** a number in [low, high) */
  uniform(low: number, high: number): number;
  /** one of the values */
  pick<T>(values: readonly T[]): T;
  /** the values in a random order (a new array) */
  shuffle<T>(values: readonly T[]): T[];
  /** normal samples as an array */
  randn(shape: number[], options?: { scale?: number }): NDArray;
  /** integers in [low, high) as an int32 array */
  randint(shape: number[], low: number, high: number): NDArray;
}

/** How a numeric answer is compared with its key. */
export type Tolerance =
  /** |a - k| <= atol + rtol * |k| (numpy's isclose) */
  | { rtol?: number; atol?: number }
  /** equal once both are rounded to this many significant figures */
  | { sigfigs: number };

/** The answers a student gave so far in this variant, by part id (raw responses). */
export type Responses = Record<string, unknown>;

interface PartBase {
  /** points of the part */
  points: number;
  /** shown before the input, e.g. "a)" or "dL/dw1"; optional */
  label?: string;
}

export interface NumericPart extends PartBase {
  type: 'numeric';
  /** the key: a number, or a vector of numbers */
  key: number | number[];
  tolerance?: Tolerance;
  /** further accepted keys (e.g. an answer with and without a convention the prompt leaves open) */
  accept?: (number | number[])[];
  /**
   * Error carried forward: the key computed from the student's own earlier answers (parsed
   * numbers by part id); used instead of `key` when the earlier parts were answered.
   */
  keyFrom?: { parts: string[]; key: (earlier: Record<string, number | number[]>) => number | number[] };
}

export interface IntegerPart extends PartBase {
  type: 'integer';
  key: number;
  accept?: number[];
}

export interface ChoicePart extends PartBase {
  type: 'choice';
  options: string[];
  /** index of the correct option */
  key: number;
}

export interface MultiSelectPart extends PartBase {
  type: 'multi';
  options: string[];
  /** indices of the correct options (may be empty) */
  key: number[];
  /**
   * 'all-or-nothing' (the seeds' exams), or 'partial': each option judged right counts
   * 1/options of the points, each judged wrong takes as much away, never below 0.
   */
  scoring: 'all-or-nothing' | 'partial';
}

export interface MatchingPart extends PartBase {
  type: 'matching';
  /** what is matched (e.g. learning rates) */
  left: string[];
  /** what it is matched to (e.g. loss curves) */
  right: string[];
  /** for each left item, the index of its right item */
  key: number[];
  /** 'all-or-nothing', or 'partial': each correct pair counts its share */
  scoring: 'all-or-nothing' | 'partial';
}

export interface OrderingPart extends PartBase {
  type: 'ordering';
  items: string[];
  /** item indices in the correct order */
  key: number[];
}

export interface ShapePart extends PartBase {
  type: 'shape';
  /** dimensions, numbers or a symbol such as "N" */
  key: (number | string)[];
  /** further accepted shapes (e.g. HxWxC beside CxHxW) */
  accept?: (number | string)[][];
}

export interface MatrixPart extends PartBase {
  type: 'matrix';
  key: number[][];
  tolerance?: Tolerance;
}

export interface ExpressionPart extends PartBase {
  type: 'expression';
  /** an expression in the variables, e.g. "y * (1 - y)" */
  key: string;
  /** each variable with the interval its random test points are drawn from */
  variables: Record<string, [number, number]>;
}

export interface ConstraintPart extends PartBase {
  type: 'constraint';
  /** the numbers the student gives, by name (e.g. padding, stride, kernel) */
  fields: string[];
  /** null when the values satisfy the constraint, else why not (shown to the student) */
  check: (values: Record<string, number>) => string | null;
  /** one answer that satisfies it (gradlab check proves it) */
  example: Record<string, number>;
}

export interface YesNoPart extends PartBase {
  type: 'yes-no';
  key: boolean;
  /** the reason's points, graded by staff in the manual queue (0: no reason asked) */
  reasonPoints: number;
}

/** A rubric item of a manually graded answer: a credit (positive) or a deduction (negative). */
export interface RubricItem {
  id: string;
  description: string;
  points: number;
}

export interface TextPart extends PartBase {
  type: 'text';
  rubric: RubricItem[];
  /** only the first n items the student gives count ("name two reasons") */
  firstItems?: number;
}

/**
 * A small function the student writes, graded by the grader with an exercise's cases (public
 * and hidden, the exercise's own points scaled to the part's). The student starts from the
 * exercise's starter code. In a timed exam its public checks do not run in the browser.
 */
export interface CodePart extends PartBase {
  type: 'code';
  /** an exercise of the catalogue (content/exercises/<id>) */
  exercise: string;
}

export type QuestionPart =
  | NumericPart
  | IntegerPart
  | ChoicePart
  | MultiSelectPart
  | MatchingPart
  | OrderingPart
  | ShapePart
  | MatrixPart
  | ExpressionPart
  | ConstraintPart
  | YesNoPart
  | TextPart
  | CodePart;

export type AnswerType = QuestionPart['type'];

/** A variant: its parameters (for the prompt and the worked solution) and its parts. */
export interface QuestionVariant {
  params: Record<string, string | number>;
  parts: Record<string, QuestionPart>;
}

/** A wrong answer a student typically gives, and the share of the part's points it must get. */
export interface ListedWrongAnswer {
  part: string;
  /** the mistake, in words ("forgot the padding") */
  why: string;
  /** the response, as the student would send it, for a variant */
  response: (variant: QuestionVariant) => unknown;
  /** the fraction of the part's points it earns (default 0), or that fraction for a variant */
  expect?: number | ((variant: QuestionVariant) => number);
}

export interface QuestionSpec {
  generate: (g: QuestionGenerator) => QuestionVariant;
  /** typical wrong answers, proven by gradlab check to earn what they should */
  wrong?: ListedWrongAnswer[];
  /** true when every seed gives the same variant (a conceptual question) */
  fixed?: boolean;
}
