/**
 * A correct solution written differently from the reference (scalar loops instead of array
 * operations, staged chain rules, other algebra) gets full marks: the tolerances leave room for
 * every correct float64 implementation. The files are the authors' second solutions.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade.ts';

const dir = fileURLToPath(new URL('../fixtures/alternatives/', import.meta.url));
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('solutions written differently from the reference', () => {
  it('cover at least eight exercises', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  for (const file of files) {
    const id = file.replace(/\.ts$/, '');
    it(`${id}: full marks`, async () => {
      const code = fs.readFileSync(dir + file, 'utf8');
      const result = await gradeSubmission({ exerciseId: id, code, language: 'ts' });
      const failed = result.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`);
      expect({ status: result.status, failed }).toEqual({ status: 'graded', failed: [] });
      expect(result.score).toBe(result.maxScore);
    }, 60_000);
  }
});
