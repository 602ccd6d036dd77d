import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateClassForm, JoinClassForm, MakeCurrentButton } from '../../components/classes/class-forms.tsx';
import { DataTable } from '../../components/instructor/data-table.tsx';
import { myClasses, roleLabel } from '../../lib/classes.ts';
import { db } from '../../lib/db.ts';
import { requireUser } from '../../lib/session.ts';

export const metadata: Metadata = { title: 'Your classes' };

export default async function ClassesPage() {
  const user = await requireUser('/classes');
  const classes = await myClasses(user.id);
  const others =
    user.role === 'instructor'
      ? await db().courseClass.findMany({
          where: { id: { notIn: classes.map((c) => c.id) } },
          select: { id: true, name: true },
          orderBy: { createdAt: 'asc' },
        })
      : [];
  return (
    <>
      <h1>Your classes</h1>
      {classes.length === 0 ? (
        <p>You are not in a class yet. Join one with the code your instructor gave you.</p>
      ) : (
        <DataTable
          columns={[{ label: 'Class' }, { label: 'Your role' }, { label: '' }]}
          testId="my-classes"
          label="Your classes"
        >
          {classes.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/classes/${c.id}`}>{c.name}</Link>
              </td>
              <td>{roleLabel[c.role]}</td>
              <td>
                {c.current ? (
                  <strong>current class</strong>
                ) : (
                  <MakeCurrentButton classId={c.id} name={c.name} />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>Join a class</h2>
      <JoinClassForm />
      {user.role === 'instructor' ? (
        <>
          <h2>Create a class</h2>
          <p className="muted">
            You become its instructor; you then add students and staff, or hand out its join code.
          </p>
          <CreateClassForm />
          {others.length > 0 ? (
            <>
              <h2>Other classes on this site</h2>
              <p className="muted">As a site instructor you may administer every class.</p>
              <ul>
                {others.map((c) => (
                  <li key={c.id}>
                    <Link href={`/classes/${c.id}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
