/**
 * Grading one part of a question variant against a student's response. Every answer type of
 * the bank is here, each with a message that says what was applied (which tolerance, which
 * accepted key, which earlier answer a carried-forward key was computed from).
 */
import type { QuestionPart, Responses, Tolerance } from '@gradlab/content';
import { evaluate, MathInputError, parseExpression, parseNumber, parseVector } from './math.ts';

/** `pending`: a code part, waiting for the grader (see gradeVariantWithCode) */
export type PartStatus =
  | 'correct'
  | 'partial'
  | 'incorrect'
  | 'manual'
  | 'unanswered'
  | 'invalid'
  | 'pending';

export interface PartResult {
  status: PartStatus;
  /** points earned now (automatically graded) */
  points: number;
  maxPoints: number;
  /** points that staff grade by hand (a free-text answer, a reason) */
  manualPoints: number;
  feedback: string;
}

const round = (x: number, digits: number) => (x === 0 ? 0 : Number(x.toPrecision(digits)));

function describeTolerance(t: Tolerance): string {
  if ('sigfigs' in t) return `${t.sigfigs} significant figures`;
  const parts = [
    t.rtol ? `relative tolerance ${t.rtol}` : '',
    t.atol ? `absolute tolerance ${t.atol}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'exact';
}

export const DEFAULT_TOLERANCE: Tolerance = { rtol: 1e-2, atol: 1e-9 };

function close(value: number, key: number, t: Tolerance): boolean {
  if ('sigfigs' in t) {
    if (round(value, t.sigfigs) === round(key, t.sigfigs)) return true;
    // a key on a rounding boundary (0.1125 to 3 figures) accepts either rounding: the stored
    // float may lie just below the half while the student rounds the exact value up
    if (!Number.isFinite(key) || key === 0) return false;
    const halfUnit = 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(key))) - t.sigfigs + 1);
    return Math.abs(value - key) <= halfUnit * (1 + 1e-9);
  }
  return Math.abs(value - key) <= (t.atol ?? 0) + (t.rtol ?? 0) * Math.abs(key);
}

function closeAll(values: number[], key: number[], t: Tolerance): boolean {
  return values.length === key.length && values.every((v, i) => close(v, key[i] ?? Number.NaN, t));
}

const full = (maxPoints: number, feedback: string): PartResult => ({
  status: 'correct',
  points: maxPoints,
  maxPoints,
  manualPoints: 0,
  feedback,
});
const none = (maxPoints: number, feedback: string, status: PartStatus = 'incorrect'): PartResult => ({
  status,
  points: 0,
  maxPoints,
  manualPoints: 0,
  feedback,
});
const share = (maxPoints: number, fraction: number, feedback: string): PartResult => {
  const points = Math.round(maxPoints * Math.max(0, Math.min(1, fraction)) * 100) / 100;
  return {
    status: points >= maxPoints ? 'correct' : points > 0 ? 'partial' : 'incorrect',
    points,
    maxPoints,
    manualPoints: 0,
    feedback,
  };
};

const isBlank = (response: unknown) =>
  response === undefined ||
  response === null ||
  (typeof response === 'string' && response.trim() === '') ||
  (Array.isArray(response) && response.length === 0 && false);

const asText = (response: unknown): string =>
  typeof response === 'number' ? String(response) : typeof response === 'string' ? response : '';

const indexList = (response: unknown): number[] | null =>
  Array.isArray(response) && response.every((i) => Number.isInteger(i)) ? (response as number[]) : null;

/** Parsed numbers of a numeric part's response (a number or a vector), or null. */
export function parsedNumeric(part: QuestionPart, response: unknown): number | number[] | null {
  if (part.type !== 'numeric' || isBlank(response)) return null;
  try {
    return Array.isArray(part.key) ? parseVector(asText(response)) : parseNumber(asText(response));
  } catch {
    return null;
  }
}

function parseShape(text: string): (number | string)[] {
  const inner = text.trim().replace(/^[[(]\s*|\s*[\])]$/g, '');
  if (!inner) throw new MathInputError('no answer');
  return inner
    .split(/\s*(?:[x×,]|\s)\s*/i)
    .filter(Boolean)
    .map((dim) => {
      if (/^[A-Za-z]\w*$/.test(dim)) return dim.toUpperCase();
      const value = parseNumber(dim);
      if (!Number.isInteger(value) || value < 0) throw new MathInputError(`"${dim}" is not a size`);
      return value;
    });
}

const sameShape = (a: (number | string)[], b: (number | string)[]) =>
  a.length === b.length &&
  a.every(
    (d, i) =>
      (typeof d === 'string' ? d.toUpperCase() : d) ===
      (typeof b[i] === 'string' ? (b[i] as string).toUpperCase() : b[i]),
  );

/** Deterministic test points for an expression part (the same on every grading). */
function testPoints(variables: Record<string, [number, number]>, count: number): Record<string, number>[] {
  let state = 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Object.fromEntries(Object.entries(variables).map(([name, [lo, hi]]) => [name, lo + (hi - lo) * next()])),
  );
}

/**
 * Grades a part. `responses` holds the student's answers to the other parts (for a key carried
 * forward from earlier parts).
 */
export function gradePart(part: QuestionPart, response: unknown, responses: Responses = {}): PartResult {
  const max = part.points;
  if (part.type === 'text')
    return {
      status: 'manual',
      points: 0,
      maxPoints: max,
      manualPoints: max,
      feedback: 'graded by the course staff',
    };
  if (isBlank(response)) return none(max, 'no answer', 'unanswered');
  if (part.type === 'code')
    return typeof response === 'string' && response.length <= 100_000
      ? { status: 'pending', points: 0, maxPoints: max, manualPoints: 0, feedback: 'graded by the grader' }
      : none(max, 'send the code as text (at most 100,000 characters)', 'invalid');
  try {
    switch (part.type) {
      case 'numeric': {
        const tolerance = part.tolerance ?? DEFAULT_TOLERANCE;
        let key = part.key;
        let from = '';
        if (part.keyFrom) {
          const earlier: Record<string, number | number[]> = {};
          const missing = part.keyFrom.parts.filter((id) => {
            const text = asText(responses[id]);
            try {
              earlier[id] = /[,;[]/.test(text) ? parseVector(text) : parseNumber(text);
              return false;
            } catch {
              return true;
            }
          });
          if (missing.length === 0) {
            key = part.keyFrom.key(earlier);
            from = ` (computed from your answer${part.keyFrom.parts.length > 1 ? 's' : ''} to ${part.keyFrom.parts.join(', ')})`;
          }
        }
        const keys = [key, ...(part.accept ?? [])];
        if (Array.isArray(part.key)) {
          const values = parseVector(asText(response));
          const vectorKeys = keys.filter((k): k is number[] => Array.isArray(k));
          if (
            vectorKeys.some((k) => values.length !== k.length) &&
            vectorKeys.every((k) => values.length !== k.length)
          )
            return none(max, `expected ${(vectorKeys[0] ?? []).length} numbers, got ${values.length}`);
          return vectorKeys.some((k) => closeAll(values, k, tolerance))
            ? full(max, `correct within ${describeTolerance(tolerance)}${from}`)
            : none(max, `not within ${describeTolerance(tolerance)} of the key${from}`);
        }
        const value = parseNumber(asText(response));
        return keys.some((k) => typeof k === 'number' && close(value, k, tolerance))
          ? full(max, `correct within ${describeTolerance(tolerance)}${from}`)
          : none(max, `not within ${describeTolerance(tolerance)} of the key${from}`);
      }
      case 'integer': {
        const value = parseNumber(asText(response));
        if (!Number.isInteger(value)) return none(max, `${value} is not a whole number`);
        return [part.key, ...(part.accept ?? [])].includes(value)
          ? full(max, 'correct')
          : none(max, `${value} is not right`);
      }
      case 'choice': {
        if (!Number.isInteger(response)) return none(max, 'choose one option', 'invalid');
        return response === part.key ? full(max, 'correct') : none(max, 'not the right option');
      }
      case 'multi': {
        const chosen = indexList(response);
        if (!chosen) return none(max, 'choose options by their number', 'invalid');
        const picked = new Set(chosen);
        const key = new Set(part.key);
        const right = part.options.filter((_, i) => picked.has(i) === key.has(i)).length;
        if (part.scoring === 'all-or-nothing')
          return right === part.options.length
            ? full(max, 'all options judged right')
            : none(
                max,
                `${part.options.length - right} option(s) judged wrong (all must be right for the points)`,
              );
        const wrong = part.options.length - right;
        return share(
          max,
          (right - wrong) / part.options.length,
          `${right} of ${part.options.length} options judged right (partial credit: each wrong judgement takes one away)`,
        );
      }
      case 'matching': {
        const chosen = indexList(response);
        if (!chosen || chosen.length !== part.left.length)
          return none(max, `match each of the ${part.left.length} items`, 'invalid');
        const right = part.key.filter((k, i) => chosen[i] === k).length;
        if (part.scoring === 'all-or-nothing')
          return right === part.left.length
            ? full(max, 'every pair right')
            : none(max, `${part.left.length - right} pair(s) wrong`);
        return share(max, right / part.left.length, `${right} of ${part.left.length} pairs right`);
      }
      case 'ordering': {
        const chosen = indexList(response);
        if (!chosen || chosen.length !== part.items.length)
          return none(max, `order all ${part.items.length} items`, 'invalid');
        const firstWrong = chosen.findIndex((item, i) => item !== part.key[i]);
        return firstWrong < 0
          ? full(max, 'the right order')
          : none(max, `position ${firstWrong + 1} is not right`);
      }
      case 'shape': {
        const dims = parseShape(asText(response));
        const accepted = [part.key, ...(part.accept ?? [])];
        if (accepted.some((k) => sameShape(dims, k)))
          return full(
            max,
            dims.length === part.key.length && sameShape(dims, part.key)
              ? 'correct'
              : 'correct (an accepted order of the dimensions)',
          );
        return none(
          max,
          accepted.every((k) => k.length !== dims.length)
            ? `expected ${part.key.length} dimensions, got ${dims.length}`
            : 'not the right sizes',
        );
      }
      case 'matrix': {
        const tolerance = part.tolerance ?? DEFAULT_TOLERANCE;
        const rows: unknown[] = Array.isArray(response) ? response : asText(response).split(/\n|;/);
        const values = rows.map((row) =>
          Array.isArray(row) ? row.map((c) => parseNumber(asText(c))) : parseVector(asText(row)),
        );
        if (
          values.length !== part.key.length ||
          values.some((r, i) => r.length !== (part.key[i] ?? []).length)
        )
          return none(max, `expected a ${part.key.length} x ${(part.key[0] ?? []).length} matrix`);
        const ok = values.every((r, i) => closeAll(r, part.key[i] ?? [], tolerance));
        return ok
          ? full(max, `correct within ${describeTolerance(tolerance)}`)
          : none(max, `not every entry is within ${describeTolerance(tolerance)}`);
      }
      case 'expression': {
        const names = Object.keys(part.variables);
        const mine = parseExpression(asText(response), names);
        const key = parseExpression(part.key, names);
        const points = testPoints(part.variables, 20);
        for (const point of points) {
          const expected = evaluate(key, point);
          if (!Number.isFinite(expected)) continue;
          const got = evaluate(mine, point);
          if (!(Math.abs(got - expected) <= 1e-9 + 1e-6 * Math.abs(expected))) {
            const at = names.map((n) => `${n} = ${round(point[n] ?? 0, 3)}`).join(', ');
            return none(
              max,
              `not equivalent: at ${at} yours gives ${round(got, 4)}, the key ${round(expected, 4)}`,
            );
          }
        }
        return full(max, `equivalent to the key at ${points.length} random points`);
      }
      case 'constraint': {
        const given = response as Record<string, unknown>;
        if (typeof given !== 'object' || given === null)
          return none(max, `give ${part.fields.join(', ')}`, 'invalid');
        const values: Record<string, number> = {};
        for (const field of part.fields) values[field] = parseNumber(asText(given[field]));
        const why = part.check(values);
        return why === null ? full(max, 'your values satisfy the condition') : none(max, why);
      }
      case 'yes-no': {
        const given = response as { answer?: unknown; reason?: unknown };
        if (typeof given !== 'object' || given === null || typeof given.answer !== 'boolean')
          return none(max, 'answer yes or no', 'invalid');
        const auto = max - part.reasonPoints;
        const right = given.answer === part.key;
        return {
          status: part.reasonPoints > 0 ? 'manual' : right ? 'correct' : 'incorrect',
          points: right ? auto : 0,
          maxPoints: max,
          manualPoints: right ? part.reasonPoints : 0,
          feedback: `${right ? 'the right answer' : 'not the right answer'}${part.reasonPoints > 0 ? (right ? '; the reason is graded by the course staff' : '; the reason earns nothing with the wrong answer') : ''}`,
        };
      }
    }
  } catch (error) {
    if (error instanceof MathInputError) return none(max, error.message, 'invalid');
    throw error;
  }
}

/** The response a student who knows the key gives (gradlab check proves it earns full marks). */
export function keyResponse(part: QuestionPart): unknown {
  switch (part.type) {
    case 'numeric':
      return Array.isArray(part.key) ? `[${part.key.join(', ')}]` : String(part.key);
    case 'integer':
      return String(part.key);
    case 'choice':
    case 'multi':
    case 'matching':
    case 'ordering':
      return part.key;
    case 'shape':
      return part.key.join(' x ');
    case 'matrix':
      return part.key.map((row) => row.map(String));
    case 'expression':
      return part.key;
    case 'constraint':
      return Object.fromEntries(Object.entries(part.example).map(([k, v]) => [k, String(v)]));
    case 'yes-no':
      return { answer: part.key, reason: '' };
    case 'text':
      return '';
    case 'code':
      // the exercise's reference solution, which gradlab check grades once per question
      return null;
  }
}

/** What a browser may know of a part before grading: its type, points and choices, never its key. */
export function publicPart(part: QuestionPart): Record<string, unknown> {
  const common = { type: part.type, points: part.points, ...(part.label ? { label: part.label } : {}) };
  switch (part.type) {
    case 'choice':
    case 'multi':
      return { ...common, options: part.options };
    case 'matching':
      return { ...common, left: part.left, right: part.right };
    case 'ordering':
      return { ...common, items: part.items };
    case 'numeric':
      return { ...common, vector: Array.isArray(part.key) ? part.key.length : null };
    case 'matrix':
      return { ...common, rows: part.key.length, columns: (part.key[0] ?? []).length };
    case 'expression':
      return { ...common, variables: Object.keys(part.variables) };
    case 'constraint':
      return { ...common, fields: part.fields };
    case 'yes-no':
      return { ...common, reason: part.reasonPoints > 0 };
    case 'code':
      return { ...common, exercise: part.exercise };
    default:
      return common;
  }
}
