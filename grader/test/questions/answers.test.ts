import type { QuestionPart } from '@gradlab/content';
import { describe, expect, it } from 'vitest';
import { gradePart, keyResponse, publicPart } from '../../src/questions/answers.ts';
import { MathInputError, parseExpression, parseNumber } from '../../src/questions/math.ts';

const grade = (part: QuestionPart, response: unknown, responses = {}) => gradePart(part, response, responses);

describe('answer types', () => {
  it('numeric: relative and absolute tolerance or significant figures, named in the message', () => {
    const part: QuestionPart = { type: 'numeric', points: 2, key: 0.2345, tolerance: { rtol: 1e-2 } };
    expect(grade(part, '0.236')).toMatchObject({
      status: 'correct',
      points: 2,
      feedback: 'correct within relative tolerance 0.01',
    });
    expect(grade(part, '0.24').status).toBe('incorrect');
    const sigfigs: QuestionPart = { ...part, key: 0.2341, tolerance: { sigfigs: 3 } };
    expect(grade(sigfigs, '0.2343')).toMatchObject({
      points: 2,
      feedback: 'correct within 3 significant figures',
    });
    expect(grade(sigfigs, '0.2355').points).toBe(0);
    // a key on a rounding boundary: 0.1125 is stored just below the half, either rounding counts
    const boundary: QuestionPart = { ...part, key: 0.45 * 0.25, tolerance: { sigfigs: 3 } };
    expect(grade(boundary, '0.113').points).toBe(2);
    expect(grade(boundary, '0.112').points).toBe(2);
    expect(grade(boundary, '0.114').points).toBe(0);
    expect(grade({ ...part, tolerance: { atol: 1e-3 } }, '0.2354').points).toBe(2);
    expect(grade(part, '47/200').points).toBe(2);
    expect(grade(part, 'abc')).toMatchObject({ status: 'invalid', feedback: '"abc": give a number' });
    expect(grade(part, '')).toMatchObject({ status: 'unanswered', points: 0 });
  });

  it('numeric vectors, several accepted keys, and a key carried forward from an earlier part', () => {
    const vector: QuestionPart = {
      type: 'numeric',
      points: 2,
      key: [1, -2],
      tolerance: { atol: 1e-9 },
      accept: [[-1, 2]],
    };
    expect(grade(vector, '[1, -2]').points).toBe(2);
    expect(grade(vector, '-1 2').points).toBe(2);
    expect(grade(vector, '1, -2, 3')).toMatchObject({ points: 0, feedback: 'expected 2 numbers, got 3' });
    const later: QuestionPart = {
      type: 'numeric',
      points: 2,
      key: 10,
      tolerance: { atol: 1e-9 },
      keyFrom: { parts: ['a'], key: ({ a }) => 2 * (a as number) },
    };
    // the student's own a = 4 (wrong: the key's a is 5) gives 8 for b: full marks on b
    expect(grade(later, '8', { a: '4' })).toMatchObject({
      points: 2,
      feedback: 'correct within absolute tolerance 1e-9 (computed from your answer to a)',
    });
    expect(grade(later, '10', { a: '4' }).points).toBe(0);
    expect(grade(later, '10', {}).points).toBe(2);
  });

  it('integer, also typed as a product', () => {
    const part: QuestionPart = { type: 'integer', points: 1, key: 784 };
    expect(grade(part, '16*7*7').points).toBe(1);
    expect(grade(part, '784').points).toBe(1);
    expect(grade(part, '783.5')).toMatchObject({ points: 0, feedback: '783.5 is not a whole number' });
  });

  it('multiple select: all-or-nothing, a stated partial scheme, and an empty correct set', () => {
    const part: QuestionPart = {
      type: 'multi',
      points: 2,
      options: ['a', 'b', 'c', 'd'],
      key: [0, 2],
      scoring: 'all-or-nothing',
    };
    expect(grade(part, [2, 0]).points).toBe(2);
    expect(grade(part, [0]).points).toBe(0);
    expect(grade({ ...part, scoring: 'partial' }, [0]).points).toBe(1);
    expect(grade({ ...part, scoring: 'partial' }, [1, 3]).points).toBe(0);
    const none: QuestionPart = { ...part, key: [] };
    expect(grade(none, []).points).toBe(2);
    expect(grade(none, [1]).points).toBe(0);
  });

  it('single choice, matching and ordering', () => {
    expect(grade({ type: 'choice', points: 1, options: ['x', 'y'], key: 1 }, 1).points).toBe(1);
    const matching: QuestionPart = {
      type: 'matching',
      points: 2,
      left: ['a', 'b'],
      right: ['1', '2'],
      key: [1, 0],
      scoring: 'partial',
    };
    expect(grade(matching, [1, 0]).points).toBe(2);
    expect(grade(matching, [1, 1]).points).toBe(1);
    expect(grade({ ...matching, scoring: 'all-or-nothing' }, [1, 1]).points).toBe(0);
    const ordering: QuestionPart = { type: 'ordering', points: 1, items: ['a', 'b', 'c'], key: [2, 0, 1] };
    expect(grade(ordering, [2, 0, 1]).points).toBe(1);
    expect(grade(ordering, [2, 1, 0])).toMatchObject({ points: 0, feedback: 'position 2 is not right' });
  });

  it('shapes with a symbolic batch size and accepted permutations', () => {
    const part: QuestionPart = { type: 'shape', points: 1, key: ['N', 16, 7, 7], accept: [['N', 7, 7, 16]] };
    for (const text of ['N x 16 x 7 x 7', '(n, 16, 7, 7)', 'Nx16x7x7', '[N, 16, 7, 7]', 'N×16×7×7'])
      expect(grade(part, text).points, text).toBe(1);
    expect(grade(part, 'N x 7 x 7 x 16')).toMatchObject({
      points: 1,
      feedback: 'correct (an accepted order of the dimensions)',
    });
    expect(grade(part, 'N x 16 x 7')).toMatchObject({ points: 0, feedback: 'expected 4 dimensions, got 3' });
    expect(grade(part, 'N x 16 x 8 x 7').points).toBe(0);
  });

  it('matrices, entry by entry', () => {
    const part: QuestionPart = {
      type: 'matrix',
      points: 2,
      key: [
        [1, 2],
        [3, 4],
      ],
      tolerance: { atol: 1e-9 },
    };
    expect(
      grade(part, [
        ['1', '2'],
        ['3', '4'],
      ]).points,
    ).toBe(2);
    expect(grade(part, '1 2; 3 4').points).toBe(2);
    expect(
      grade(part, [
        ['1', '2'],
        ['4', '3'],
      ]).points,
    ).toBe(0);
    expect(grade(part, [['1', '2']])).toMatchObject({ feedback: 'expected a 2 x 2 matrix' });
  });

  it('expressions: equivalent forms pass, others fail with a point where they differ', () => {
    const part: QuestionPart = {
      type: 'expression',
      points: 2,
      key: 'y * (1 - y)',
      variables: { y: [0, 1] },
    };
    for (const text of ['y(1-y)', 'y - y^2', '-(y^2 - y)', 'y*(1 - y)'])
      expect(grade(part, text).points, text).toBe(2);
    expect(grade(part, 'y(1+y)').feedback).toMatch(/^not equivalent: at y = /);
    expect(
      grade(
        { type: 'expression', points: 1, key: 'sqrt(3/n)', variables: { n: [1, 1000] } },
        'sqrt(3)/sqrt(n)',
      ).points,
    ).toBe(1);
    expect(grade(part, 'x + 1')).toMatchObject({ status: 'invalid', feedback: 'unknown name "x" (use "y")' });
  });

  it('refuses anything but arithmetic from students (no assignments, imports or other functions)', () => {
    for (const text of ['a = 3', 'import({})', 'evaluate("1")', 'f(x) = x', '"text"', '[1, 2]', 'y ? 1 : 2'])
      expect(() => parseExpression(text, ['y']), text).toThrow(MathInputError);
    expect(parseNumber('2^10')).toBe(1024);
    expect(() => parseNumber('exp(')).toThrow(MathInputError);
  });

  it('a constraint instead of a value, and yes/no with a reason for staff', () => {
    const keeps: QuestionPart = {
      type: 'constraint',
      points: 1,
      fields: ['kernel', 'padding'],
      example: { kernel: 3, padding: 1 },
      check: ({ kernel = 0, padding = 0 }) => (kernel - 1 === 2 * padding ? null : 'the size changes'),
    };
    expect(grade(keeps, { kernel: '5', padding: '2' }).points).toBe(1);
    expect(grade(keeps, { kernel: '5', padding: '1' })).toMatchObject({
      points: 0,
      feedback: 'the size changes',
    });
    const yesNo: QuestionPart = { type: 'yes-no', points: 2, key: true, reasonPoints: 1 };
    expect(grade(yesNo, { answer: true, reason: 'because' })).toMatchObject({
      status: 'manual',
      points: 1,
      manualPoints: 1,
    });
    expect(grade(yesNo, { answer: false, reason: 'because' })).toMatchObject({ points: 0, manualPoints: 0 });
    expect(
      grade({ type: 'text', points: 3, rubric: [{ id: 'a', description: 'x', points: 3 }] }, 'an essay'),
    ).toMatchObject({ status: 'manual', manualPoints: 3 });
  });

  it('the key response earns full marks, and a public part holds no key', () => {
    const parts: QuestionPart[] = [
      { type: 'numeric', points: 1, key: [0.5, 1e-3] },
      { type: 'shape', points: 1, key: ['N', 3] },
      { type: 'matrix', points: 1, key: [[1.5]] },
      { type: 'multi', points: 1, options: ['a', 'b'], key: [1], scoring: 'all-or-nothing' },
    ];
    for (const part of parts) {
      expect(grade(part, keyResponse(part)).points).toBe(1);
      expect(JSON.stringify(publicPart(part))).not.toMatch(/"key"/);
    }
  });
});
