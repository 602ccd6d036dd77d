import 'server-only';
import fs from 'node:fs';
import { exerciseSources, listLectures, readPublicExercise } from '@gradlab/content';
import { cachedExercise } from '@gradlab/grader';
import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CheckReportPanel } from '../../../../components/instructor/check-report.tsx';
import { CodeBlock } from '../../../../components/instructor/code-block.tsx';
import { DataTable } from '../../../../components/instructor/data-table.tsx';
import { GradeReferenceButton } from '../../../../components/instructor/grade-reference-button.tsx';
import { Span } from '../../../../components/lecture/span.tsx';
import { compiledStatement, findExercise } from '../../../../lib/exercises.ts';
import { requireInstructor } from '../../../../lib/session.ts';

export const metadata: Metadata = { title: 'Exercise preview' };

export default async function InstructorExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireInstructor(`/instructor/exercises/${id}`);
  const meta = findExercise(id);
  if (!meta) notFound();
  const sources = exerciseSources(id);
  const { starter } = readPublicExercise(id);
  const loaded = cachedExercise(id);
  const Statement = getMDXComponent(await compiledStatement(id));
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  return (
    <>
      <p className="muted">
        <Link href="/instructor">Instructor</Link> / {meta.title}
      </p>
      <h1>{meta.title}</h1>
      <p>
        {meta.points} points · topic {meta.topic} · lecture{' '}
        <Link href={`/lectures/${meta.lecture}`}>
          {listLectures().find((l) => l.slug === meta.lecture)?.title ?? meta.lecture}
        </Link>{' '}
        · <Link href={`/instructor/submissions?exercise=${id}`}>submissions</Link> ·{' '}
        <Link href={`/exercises/${id}`}>student view</Link>
      </p>
      <h2>gradlab check</h2>
      <CheckReportPanel exerciseId={id} />
      <GradeReferenceButton exerciseId={id} />
      <h2>Statement</h2>
      <article className="statement lecture">
        <Statement components={{ span: Span }} />
      </article>
      <h2>Cases</h2>
      <DataTable
        columns={[
          { label: 'Case' },
          { label: 'Visibility' },
          { label: 'Points', numeric: true },
          { label: 'Seed', numeric: true },
        ]}
        testId="cases"
      >
        {loaded.spec.cases.map((c) => (
          <tr key={c.name}>
            <td>{c.name}</td>
            <td>{c.visibility}</td>
            <td className="num">{c.points}</td>
            <td className="num">{c.seed}</td>
          </tr>
        ))}
      </DataTable>
      <p className="muted">
        Functions: {loaded.spec.functions.join(', ')}
        {loaded.spec.forbidden?.length
          ? ` · forbidden: ${loaded.spec.forbidden.map((f) => `np.${f}`).join(', ')}`
          : ''}
      </p>
      <h2>Known mistakes</h2>
      <ul>
        {loaded.mistakes.map((m) => (
          <li key={m.name}>
            <strong>{m.name}</strong>: {m.hint}
          </li>
        ))}
      </ul>
      <h2>Sources</h2>
      <CodeBlock label="starter.ts" code={starter} />
      <CodeBlock
        label="solution.ts (reference solution, never shown to students)"
        code={read(sources.solutionFile)}
      />
      <CodeBlock label="spec.ts" code={read(sources.specFile)} />
      {sources.mistakes.map((m) => (
        <CodeBlock key={m.name} label={`mistakes/${m.name}.ts`} code={read(m.file)} />
      ))}
    </>
  );
}
