import { listLectures } from '@gradlab/content';
import Link from 'next/link';

export default function HomePage() {
  const lectures = listLectures();
  return (
    <>
      <h1>Deep learning, implemented</h1>
      <p className="muted">
        Read a lecture, then implement its layers, losses and optimizers yourself and get graded against a
        reference engine with numeric gradient checks.
      </p>
      <h2>Lectures</h2>
      <ol className="lecture-list">
        {lectures.map((lecture) => (
          <li key={lecture.slug}>
            <span className="num">{lecture.order}.</span>
            <Link href={`/lectures/${lecture.slug}`}>{lecture.title}</Link>
            <p>{lecture.summary}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
