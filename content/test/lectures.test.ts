import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  brokenLectureLinks,
  ContentError,
  compileLecture,
  headingIds,
  listLectures,
  parseLectureMeta,
} from '../src/index.ts';

const good = `---
title: A lecture
order: 1
summary: Short.
---

Inline $a^2$ and display:

$$
\\frac{\\partial L}{\\partial W} = X^\\top \\, dY
$$
`;

describe('lecture frontmatter', () => {
  it('accepts a valid lecture and fills defaults', () => {
    const meta = parseLectureMeta('/x/a-lecture.mdx', good);
    expect(meta).toEqual({
      slug: 'a-lecture',
      title: 'A lecture',
      order: 1,
      summary: 'Short.',
      prerequisites: [],
      relatedExercises: [],
    });
  });

  it('names the file and the field that is wrong', () => {
    const bad = good.replace('order: 1', 'order: first');
    expect(() => parseLectureMeta('/x/a-lecture.mdx', bad)).toThrow(
      /\/x\/a-lecture\.mdx:1: frontmatter: "order": .*number/,
    );
  });

  it('rejects unknown fields and bad file names', () => {
    expect(() => parseLectureMeta('/x/a.mdx', good.replace('summary', 'sumary'))).toThrow(/sumary/);
    expect(() => parseLectureMeta('/x/Bad_Name.mdx', good)).toThrow(ContentError);
  });
});

describe('the course folder', () => {
  it('lists lectures in order', () => {
    const lectures = listLectures();
    expect(lectures.length).toBeGreaterThan(0);
    expect(lectures.map((l) => l.order)).toEqual([...lectures.map((l) => l.order)].sort((a, b) => a - b));
  });
  // one test per lecture: each compile runs esbuild and KaTeX, slow when the machine is busy
  it.each(listLectures().map((l) => l.slug))(
    '%s compiles with KaTeX display math and MathML',
    { timeout: 120_000 },
    async (slug) => {
      const { code } = await compileLecture(slug);
      expect(code).toContain('katex-display');
      expect(code).not.toContain('katex-error');
      // MathML beside the HTML, for screen readers (the HTML is aria-hidden)
      expect(code).toContain('katex-mathml');
      expect(code).toContain('application/x-tex');
    },
  );
});

describe('a malformed lecture', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-content-'));
    fs.mkdirSync(path.join(dir, 'lectures'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    process.env.GRADLAB_CONTENT_DIR = dir;
  });
  afterEach(() => {
    delete process.env.GRADLAB_CONTENT_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails to compile on a LaTeX error, naming the file', async () => {
    fs.writeFileSync(path.join(dir, 'lectures', 'broken.mdx'), good.replace('\\frac{', '\\frac{{'));
    await expect(compileLecture('broken')).rejects.toThrow(/broken\.mdx.*KaTeX/s);
  });

  it('reports duplicate orders', () => {
    fs.writeFileSync(path.join(dir, 'lectures', 'one.mdx'), good);
    fs.writeFileSync(path.join(dir, 'lectures', 'two.mdx'), good);
    expect(() => listLectures()).toThrow(/two\.mdx: order 1 is also used by "one"/);
  });

  it('gives headings ids, and finds links to a missing lecture or section', async () => {
    fs.writeFileSync(
      path.join(dir, 'lectures', 'one.mdx'),
      `${good}\n## The affine layer, worked in full\n\nText.\n`,
    );
    expect(headingIds((await compileLecture('one')).code)).toEqual(['the-affine-layer-worked-in-full']);
    const source = [
      'See [it](/lectures/one#the-affine-layer-worked-in-full) and [that](/lectures/one).',
      'Not [this](/lectures/one#no-such-section), nor [that](/lectures/two#x).',
    ].join('\n');
    const problems = await brokenLectureLinks(source);
    expect(problems.map((p) => [p.line, p.message.split(',')[0]])).toEqual([
      [2, 'links to /lectures/one#no-such-section'],
      [2, 'links to /lectures/two'],
    ]);
  });

  it('refuses slugs that are not lecture names', async () => {
    await expect(compileLecture('../secrets')).rejects.toThrow(/not a lecture slug/);
  });
});
