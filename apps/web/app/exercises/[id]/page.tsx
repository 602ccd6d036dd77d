import { listLectures, readPublicExercise } from '@gradlab/content';
import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Workbench } from '../../../components/exercise/workbench.tsx';
import { Span } from '../../../components/lecture/span.tsx';
import { db } from '../../../lib/db.ts';
import { compiledStatement, findExercise } from '../../../lib/exercises.ts';
import { requireUser } from '../../../lib/session.ts';
import { summary } from '../../../lib/submissions.ts';

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  return { title: findExercise(id)?.title ?? 'Exercise' };
}

export default async function ExercisePage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const from = (await searchParams).from;
  const meta = findExercise(id);
  if (!meta) notFound();
  const user = await requireUser(`/exercises/${id}`);
  const { starter } = readPublicExercise(id);
  const prisma = db();
  // `?from=<submission>`: the learner's own earlier submission of this exercise, back in the editor.
  const fromId = typeof from === 'string' && from.length <= 64 ? from : null;
  const [draft, submissions, code, loaded] = await Promise.all([
    prisma.draft.findUnique({ where: { userId_exerciseId: { userId: user.id, exerciseId: id } } }),
    prisma.submission.findMany({
      where: { userId: user.id, exerciseId: id },
      orderBy: { createdAt: 'desc' },
      take: 50,
    }),
    compiledStatement(id),
    fromId
      ? prisma.submission.findFirst({ where: { id: fromId, userId: user.id, exerciseId: id } })
      : Promise.resolve(null),
  ]);
  const lecture = listLectures().find((l) => l.slug === meta.lecture);
  const Statement = getMDXComponent(code);
  return (
    <>
      <p className="muted">
        <Link href="/">Course</Link> /{' '}
        <Link href={`/lectures/${meta.lecture}`}>{lecture?.title ?? 'Lecture'}</Link> / Exercise
      </p>
      <h1>{meta.title}</h1>
      <div className="workbench">
        <article className="statement lecture" aria-label="Statement">
          <p className="muted">
            {meta.points} points · {meta.topic}
          </p>
          <Statement components={{ span: Span }} />
        </article>
        <Workbench
          key={loaded?.id ?? 'draft'}
          exerciseId={id}
          starter={starter}
          initialCode={loaded?.code ?? draft?.code ?? starter}
          initialHistory={submissions.map(summary)}
          {...(loaded ? { loadedFrom: { id: loaded.id, createdAt: loaded.createdAt.toISOString() } } : {})}
        />
      </div>
    </>
  );
}
