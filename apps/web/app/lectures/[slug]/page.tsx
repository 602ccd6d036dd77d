import { compileLecture, listLectures } from '@gradlab/content';
import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { lectureComponents } from '../../../components/lecture/index.ts';
import { catalogue } from '../../../lib/exercises.ts';

type Params = { slug: string };

// Compiling a lecture runs esbuild; if the page is ever rendered on demand (e.g. because the layout
// reads the session), compile each lecture once per server process, not once per request.
const compiled = new Map<string, ReturnType<typeof compileLecture>>();
function compileOnce(slug: string): ReturnType<typeof compileLecture> {
  let lecture = compiled.get(slug);
  if (!lecture) {
    lecture = compileLecture(slug);
    lecture.catch(() => compiled.delete(slug));
    compiled.set(slug, lecture);
  }
  return lecture;
}

// Every lecture is rendered at build time; unknown slugs are a 404.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return listLectures().map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const lecture = listLectures().find((l) => l.slug === slug);
  return { title: lecture?.title ?? 'Lecture', description: lecture?.summary };
}

export default async function LecturePage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const { meta, code } = await compileOnce(slug);
  const Body = getMDXComponent(code);
  const lectures = listLectures();
  const index = lectures.findIndex((l) => l.slug === slug);
  const previous = index > 0 ? lectures[index - 1] : undefined;
  const next = index >= 0 ? lectures[index + 1] : undefined;
  const exercises = catalogue().filter((e) => e.lecture === slug);
  return (
    <article className="lecture">
      <p className="muted">
        <Link href="/">Course</Link> / Lecture {meta.order}
      </p>
      <h1>{meta.title}</h1>
      <p className="muted">{meta.summary}</p>
      <Body components={lectureComponents} />
      {exercises.length > 0 ? (
        <section aria-labelledby="lecture-exercises">
          <h2 id="lecture-exercises">Exercises</h2>
          <ul data-testid="lecture-exercises">
            {exercises.map((e) => (
              <li key={e.id}>
                <Link href={`/exercises/${e.id}`}>Exercise: {e.title}</Link>{' '}
                <span className="muted">({e.points} points)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <nav className="pager" aria-label="Lectures">
        {previous ? (
          <Link href={`/lectures/${previous.slug}`} rel="prev">
            ← Previous: {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/lectures/${next.slug}`} rel="next">
            Next: {next.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
