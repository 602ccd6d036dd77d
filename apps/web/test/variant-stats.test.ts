import { describe, expect, it } from 'vitest';
import { parameterBreakdown } from '../lib/variant-stats.ts';

describe('item statistics per variant parameter', () => {
  it('groups attempts by each parameter with a few short values, and skips the rest', () => {
    const taken = [
      { params: { s: 1, h: 11, tex: 'x'.repeat(40) }, share: 1 },
      { params: { s: 1, h: 12, tex: 'y'.repeat(40) }, share: 0.5 },
      { params: { s: 2, h: 13, tex: 'z'.repeat(40) }, share: 0 },
      { params: { s: 10, h: 14, tex: 'w'.repeat(40) }, share: 0.25 },
    ];
    // h has as many values as attempts (4 > 3 allowed), tex is too long to be a category
    expect(parameterBreakdown(taken, 3)).toEqual([
      {
        parameter: 's',
        rows: [
          { value: '1', n: 2, mean: 0.75 },
          { value: '2', n: 1, mean: 0 },
          { value: '10', n: 1, mean: 0.25 },
        ],
      },
    ]);
    // a parameter that never varies says nothing
    expect(
      parameterBreakdown([
        { params: { k: 3 }, share: 1 },
        { params: { k: 3 }, share: 0 },
      ]),
    ).toEqual([]);
  });
});
