import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Span } from '../../../components/lecture/span.tsx';
import { AnswerSlot } from '../../../components/questions/answer-slot.tsx';
import type { PublicPart } from '../../../components/questions/question-context.tsx';
import { QuestionForm } from '../../../components/questions/question-form.tsx';
import { findQuestion, MAX_SEED, publicVariant, randomSeed } from '../../../lib/questions.ts';
import { requireUser } from '../../../lib/session.ts';

export const metadata: Metadata = { title: 'Practice question' };

/**
 * One practice variant of a question. The seed is in the address (a variant can be shared or
 * reopened); `?seed=new` or no seed draws one. Nothing of the key reaches the page before Check.
 */
export default async function QuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ seed?: string }>;
}) {
  const { id } = await params;
  const { seed: seedText } = await searchParams;
  await requireUser(`/questions/${id}`);
  const meta = findQuestion(id);
  if (!meta) notFound();
  const seed = Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    redirect(`/questions/${id}?seed=${randomSeed()}`);
  const variant = await publicVariant(id, seed);
  const Prompt = getMDXComponent(variant.promptCode);
  const points = Object.values(variant.parts).reduce((sum, p) => sum + Number(p.points), 0);
  return (
    <>
      <p className="muted">
        <Link href="/questions">Practice questions</Link> / {meta.topic}
      </p>
      <h1>{meta.title}</h1>
      <p className="muted">
        {points} points · variant {seed}
      </p>
      <QuestionForm
        key={seed}
        questionId={id}
        seed={seed}
        parts={variant.parts as unknown as Record<string, PublicPart>}
      >
        <Prompt components={{ span: Span, Answer: AnswerSlot }} />
      </QuestionForm>
    </>
  );
}
