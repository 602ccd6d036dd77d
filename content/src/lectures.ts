import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { bundleMDX } from 'mdx-bundler';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkMath from 'remark-math';
import { ContentError } from './content-error.ts';
import { contentRoot } from './content-root.ts';
import { readLabPreset } from './lab-presets.ts';
import { type CompiledLecture, type LectureMeta, lectureFrontmatterSchema } from './lecture-schema.ts';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function lecturesDir(): string {
  return path.join(contentRoot(), 'lectures');
}

function lectureFile(slug: string): string {
  return path.join(lecturesDir(), `${slug}.mdx`);
}

/** Validates a lecture's frontmatter; errors name the file and the field. */
export function parseLectureMeta(file: string, source: string): LectureMeta {
  const slug = path.basename(file, '.mdx');
  if (!slugPattern.test(slug)) {
    throw new ContentError(file, `file name "${slug}" must be lower-case words joined by "-"`);
  }
  let data: unknown;
  try {
    data = matter(source).data;
  } catch (err) {
    throw new ContentError(file, `frontmatter is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = lectureFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `"${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new ContentError(file, `frontmatter: ${problems.join('; ')}`, 1);
  }
  return { slug, ...parsed.data };
}

/** Every lecture's metadata, sorted by `order`; duplicate orders are an error. */
export function listLectures(): LectureMeta[] {
  const dir = lecturesDir();
  const metas = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = path.join(dir, name);
      return parseLectureMeta(file, fs.readFileSync(file, 'utf8'));
    })
    .sort((a, b) => a.order - b.order);
  for (let i = 1; i < metas.length; i++) {
    const prev = metas[i - 1] as LectureMeta;
    const cur = metas[i] as LectureMeta;
    if (prev.order === cur.order) {
      throw new ContentError(lectureFile(cur.slug), `order ${cur.order} is also used by "${prev.slug}"`);
    }
  }
  return metas;
}

/**
 * THE MDX compiler of the course, for lectures and exercise statements alike: mdx-bundler with
 * remark-math, rehype-slug (heading ids) and rehype-katex. KaTeX renders on the server (no client-side math), as HTML
 * beside MathML for screen readers; `strict` and the katex-error check make a LaTeX problem an
 * error naming the file and line instead of silently rendered red text.
 */
export async function compileMdx(source: string, file: string, cwd?: string): Promise<string> {
  try {
    const { code } = await bundleMDX({
      source,
      ...(cwd === undefined ? {} : { cwd }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkMath];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          // headings get ids (GitHub's slugs), so statements can link to a lecture's section
          rehypeSlug,
          [rehypeKatex, { strict: 'error', throwOnError: true, output: 'htmlAndMathml' }],
        ];
        return options;
      },
    });
    // rehype-katex reports a bad expression by rendering a .katex-error span: make it an error.
    const katexError = /className:"katex-error",title:"([^"]*)"/.exec(code);
    if (katexError) throw new Error(JSON.parse(`"${katexError[1]}"`));
    return code;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = /:(\d+):\d+/.exec(message)?.[1];
    throw new ContentError(file, `MDX/KaTeX: ${message}`, line === undefined ? undefined : Number(line));
  }
}

/** Compiles one lecture (see compileMdx). */
export async function compileLecture(slug: string): Promise<CompiledLecture> {
  if (!slugPattern.test(slug)) throw new ContentError(slug, 'not a lecture slug');
  const file = lectureFile(slug);
  if (!fs.existsSync(file)) throw new ContentError(file, 'no such lecture');
  const source = fs.readFileSync(file, 'utf8');
  const meta = parseLectureMeta(file, source);
  return { meta, code: await compileMdx(source, file, path.dirname(file)) };
}

/** The ids of a compiled page's headings (rehype-slug's), in order. */
export function headingIds(compiledCode: string): string[] {
  return [...compiledCode.matchAll(/\bid:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');
}

/**
 * Links to lectures (`/lectures/<slug>` or `/lectures/<slug>#<section>`) in an MDX source that
 * lead nowhere: an unknown lecture or a section id that no heading has. Each with its line.
 */
export async function brokenLectureLinks(source: string): Promise<{ line: number; message: string }[]> {
  const slugs = new Set(listLectures().map((l) => l.slug));
  const problems: { line: number; message: string }[] = [];
  const anchors = new Map<string, Set<string>>();
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    for (const match of (lines[i] ?? '').matchAll(/\]\(\/lectures\/([^)#\s]+)(?:#([^)\s]+))?\)/g)) {
      const [, slug = '', anchor] = match;
      if (!slugs.has(slug)) {
        problems.push({ line: i + 1, message: `links to /lectures/${slug}, which is not a lecture` });
        continue;
      }
      if (anchor === undefined) continue;
      if (!anchors.has(slug)) anchors.set(slug, new Set(headingIds((await compileLecture(slug)).code)));
      if (!anchors.get(slug)?.has(anchor))
        problems.push({
          line: i + 1,
          message: `links to /lectures/${slug}#${anchor}, but that lecture has no heading with the id "${anchor}" (ids: ${[...(anchors.get(slug) ?? [])].join(', ')})`,
        });
    }
    for (const match of (lines[i] ?? '').matchAll(/\]\(\/lab\?preset=([^)&#\s]+)/g)) {
      const preset = match[1] ?? '';
      if (!readLabPreset(preset))
        problems.push({
          line: i + 1,
          message: `links to /lab?preset=${preset}, but there is no content/lab-presets/${preset}.md`,
        });
    }
  }
  return problems;
}
