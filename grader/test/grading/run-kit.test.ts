import fs from 'node:fs';
import { exerciseSources } from '@gradlab/content';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runInBrowser } from '../../src/browser.ts';
import { runKit } from '../../src/run-kit-server.ts';

const sources = exerciseSources('affine-layer');
const toCjs = (ts: string) => transformSync(ts, { loader: 'ts', format: 'cjs' }).code;

describe('the browser Run kit', () => {
  it('contains public data only: no hidden case, no solution, no known mistake code', async () => {
    const kit = await runKit('affine-layer');
    const text = JSON.stringify(kit);
    expect(kit.cases.map((c) => c.name)).toEqual(['2-D input, small batch', 'input of rank 4 (N, C, H, W)']);
    for (const hidden of ['batch of one', 'large and small magnitudes', 'wide layer'])
      expect(text).not.toContain(hidden);
    expect(text).not.toContain('dout.sum({ axis: 0 })');
    for (const m of sources.mistakes) {
      const body = /export function[\s\S]*/.exec(fs.readFileSync(m.file, 'utf8'))?.[0] ?? '';
      for (const line of body.split('\n').filter((l) => l.trim().length > 20))
        expect(text).not.toContain(line.trim());
      // its hint travels with its outputs on the public cases, for Run's hints
      const hint = /hint\s*=\s*\n?\s*'([^']{20,})/.exec(fs.readFileSync(m.file, 'utf8'))?.[1];
      if (hint) expect(kit.cases.some((c) => c.mistakes.some((k) => k.hint === hint))).toBe(true);
    }
    // JSON round trip, as the page receives it
    expect(JSON.parse(text)).toEqual(kit);
  });

  it('grades the public cases and the self check like the server does', async () => {
    const kit = JSON.parse(JSON.stringify(await runKit('affine-layer')));
    const solution = await runInBrowser(kit, toCjs(fs.readFileSync(sources.solutionFile, 'utf8')));
    expect(solution.status).toBe('graded');
    expect(solution.score).toBe(4);
    expect(solution.tests.every((t) => t.passed)).toBe(true);

    const starter = await runInBrowser(kit, toCjs(fs.readFileSync(sources.starterFile, 'utf8')));
    expect(starter.score).toBe(0);
    expect(starter.tests[0]?.message).toMatch(/affineForward: out: max relative error .* at index \[0, 0\]/);
  });

  it('reports a learner exception and a forbidden function', async () => {
    const kit = await runKit('affine-layer');
    const throwing = await runInBrowser(
      kit,
      'exports.affineForward = () => { throw new Error("nope"); };\nexports.affineBackward = () => ({});',
    );
    expect(throwing.tests[0]?.message).toContain('Error: nope');
    const einsum = await runInBrowser(
      kit,
      toCjs(
        fs
          .readFileSync(sources.solutionFile, 'utf8')
          .replace('x.reshape(n, -1).matmul(w)', "np.einsum('ij,jk->ik', x.reshape(n, -1), w)"),
      ),
    );
    expect(einsum.tests[0]?.message).toContain('np.einsum is not allowed in this exercise');
  });
});
