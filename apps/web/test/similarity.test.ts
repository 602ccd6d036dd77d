import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprints, normalisedTokens, similarPairs } from '../lib/similarity.ts';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');
const solution = read('content/exercises/batchnorm/solution.ts');
const starter = read('content/exercises/batchnorm/starter.ts');
const alternative = read('grader/test/fixtures/alternatives/batchnorm.ts');

/** The solution as a copier disguises it: other names, comments, other layout. */
function disguise(code: string): string {
  const names = [...new Set([...code.matchAll(/\b(?:const|let)\s+(\w+)/g)].map((m) => m[1] ?? ''))];
  let out = code;
  for (const [i, name] of names.entries()) out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), `renamed${i}`);
  return `// my own work!\n${out.replaceAll('\n', '\n\n').replaceAll(';', ' ;  /* done */')}`;
}

describe('code similarity', () => {
  it('ignores names, comments, literals and layout, and keeps the structure and the API', () => {
    expect(normalisedTokens('const total = x.sum({ axis: 0 }); // sum\n')).toEqual(
      normalisedTokens('let   s=y.sum({axis:1})  /* over rows */'.replace('let', 'const')),
    );
    expect(normalisedTokens('a.sum()')).not.toEqual(normalisedTokens('a.mean()'));
  });

  it('finds a disguised copy and tells independent solutions apart', () => {
    const programs = [
      { owner: 'original', code: solution },
      { owner: 'copy', code: disguise(solution) },
      { owner: 'independent', code: alternative },
      { owner: 'untouched starter', code: starter },
    ];
    const pairs = similarPairs(programs, starter, 0.3);
    expect(pairs[0]).toMatchObject({ a: 'original', b: 'copy' });
    expect(pairs[0]?.similarity).toBeGreaterThan(0.9);
    // the independent solution is far below the copy, and the untouched starter matches nothing
    const independent = similarPairs(programs, starter, 0).find(
      (p) => p.b === 'independent' && p.a === 'original',
    );
    expect(independent?.similarity ?? 0).toBeLessThan(0.3);
    expect(pairs.some((p) => p.a === 'untouched starter' || p.b === 'untouched starter')).toBe(false);
  });

  it('makes fingerprints of short programs too', () => {
    expect(fingerprints('x').size).toBe(0);
    expect(fingerprints('export function f(x) { return x.add(1); }').size).toBeGreaterThanOrEqual(1);
  });
});
