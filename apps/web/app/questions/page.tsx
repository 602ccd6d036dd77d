import { listLectures, listQuestions } from '@gradlab/content';
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Practice questions' };
export const dynamic = 'force-dynamic';

/** The question bank by lecture, each question practised with new numbers on every try. */
export default function QuestionsPage() {
  const questions = listQuestions();
  const lectures = listLectures();
  return (
    <>
      <h1>Practice questions</h1>
      <p className="muted">
        Exam-style questions with new numbers on every try: check your answers, see the key and a worked
        solution.
      </p>
      {lectures.map((lecture) => {
        const own = questions.filter((q) => q.lecture === lecture.slug);
        if (own.length === 0) return null;
        return (
          <section key={lecture.slug}>
            <h2>{lecture.title}</h2>
            <ul className="exercise-list" aria-label={`Questions on ${lecture.title}`}>
              {own.map((q) => (
                <li key={q.id}>
                  <Link href={`/questions/${q.id}`}>{q.title}</Link> <span className="muted">{q.topic}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
