import { describe, expect, it } from 'vitest';
import { SourceMap } from '../../src/sandbox/source-map.ts';

describe('SourceMap', () => {
  it('maps generated positions back (1-based in and out)', () => {
    // line 1: nothing; line 2: col 0 -> (0,0), col 9 -> (0,16); line 3: col 2 -> (1,2)
    const map = new SourceMap(';AAAA,SAAgB;EACd');
    expect(map.original(2, 1)).toEqual({ line: 1, column: 1 });
    expect(map.original(2, 12)).toEqual({ line: 1, column: 17 });
    expect(map.original(3, 3)).toEqual({ line: 2, column: 3 });
    expect(map.original(1, 1)).toBeUndefined();
    expect(map.original(9, 1)).toBeUndefined();
  });
});
