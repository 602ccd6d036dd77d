import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { MakeCurrentButton } from '../../../components/classes/class-forms.tsx';
import { GradeCell } from '../../../components/classes/grade-cell.tsx';
import {
  AddMemberForm,
  ClassSettings,
  RemoveMemberButton,
  RoleSelect,
  RosterUploadForm,
} from '../../../components/classes/roster-forms.tsx';
import {
  AccommodationForm,
  RemoveAccommodationButton,
  ScheduleForm,
  UnscheduleButton,
} from '../../../components/classes/schedule-forms.tsx';
import { DataTable } from '../../../components/instructor/data-table.tsx';
import { atLeast, joinPath, requireClassPage, roleLabel } from '../../../lib/classes.ts';
import { db } from '../../../lib/db.ts';
import { loadGradebook } from '../../../lib/instructor-data.ts';
import { classSchedule, schedulableAssessments } from '../../../lib/schedule.ts';
import { latePolicyText } from '../../../lib/schedule-rules.ts';

export const metadata: Metadata = { title: 'Class' };

const actionText: Record<string, string> = {
  'class.create': 'created the class',
  'class.settings': 'changed the settings',
  'member.join': 'joined',
  'member.add': 'added a member',
  'member.invite': 'invited',
  'member.role': 'changed a role',
  'member.remove': 'removed a member',
  'grade.override': 'overrode a grade',
  'grade.override.clear': 'cleared an override',
  'exercise.regrade': 'regraded an exercise',
  'assessment.schedule': 'scheduled an assessment',
  'assessment.unschedule': 'took an assessment off the schedule',
  'accommodation.set': 'set an accommodation',
  'accommodation.clear': 'removed an accommodation',
};

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '–');

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, courseClass, role } = await requireClassPage(id, 'student', `/classes/${id}`);
  const staff = atLeast(role, 'ta');
  const instructor = atLeast(role, 'instructor');
  const me = await db().user.findUnique({ where: { id: user.id }, select: { currentClassId: true } });
  return (
    <>
      <p className="muted">
        <Link href="/classes">Your classes</Link> / {courseClass.name}
      </p>
      <h1>{courseClass.name}</h1>
      <p>
        Your role: <strong data-testid="class-role">{roleLabel[role]}</strong>
        {me?.currentClassId === id ? ' · your current class' : ''}{' '}
        {me?.currentClassId !== id && role !== 'instructor' ? (
          <MakeCurrentButton classId={id} name={courseClass.name} />
        ) : null}
      </p>
      <ScheduleSection classId={id} userId={user.id} staff={staff} instructor={instructor} />
      {staff ? (
        <StaffSection classId={id} instructor={instructor} />
      ) : (
        <StudentGrades classId={id} userId={user.id} />
      )}
      {instructor ? (
        <InstructorSection
          classId={id}
          joinCode={courseClass.joinCode}
          joinOpen={courseClass.joinOpen}
          taSeesKeys={courseClass.taSeesKeys}
        />
      ) : null}
    </>
  );
}

/**
 * The class's assessments with their dates: students see what is open and due (and their own
 * status); instructors schedule, change and remove them and set accommodations.
 */
async function ScheduleSection({
  classId,
  userId,
  staff,
  instructor,
}: {
  classId: string;
  userId: string;
  staff: boolean;
  instructor: boolean;
}) {
  const schedule = await classSchedule(classId);
  const mine = staff
    ? []
    : await db().attempt.findMany({
        where: { classId, userId, mode: 'timed' },
        select: { assessmentId: true, status: true, latePenalty: true },
      });
  const statusOf = (assessmentId: string) => {
    const attempts = mine.filter((a) => a.assessmentId === assessmentId);
    if (attempts.some((a) => a.status === 'open')) return 'in progress';
    if (attempts.some((a) => a.status === 'submitted'))
      return attempts.some((a) => a.latePenalty) ? 'submitted late' : 'submitted';
    return 'not started';
  };
  const now = new Date();
  if (schedule.length === 0 && !instructor) return null;
  return (
    <>
      <h2>Exams and homework</h2>
      {schedule.length === 0 ? (
        <p className="muted">Nothing is scheduled yet.</p>
      ) : (
        <DataTable
          columns={[
            { label: 'Assessment' },
            { label: 'Kind' },
            { label: 'Opens (UTC)', nowrap: true },
            { label: 'Closes / due (UTC)', nowrap: true },
            { label: 'Late work' },
            { label: staff ? '' : 'Status' },
          ]}
          testId="class-assessments"
          label="Exams and homework"
        >
          {schedule.map(({ entry, meta }) => (
            <tr key={meta.id}>
              <td>
                <Link href={`/assessments/${meta.id}?class=${classId}`}>{meta.title}</Link>
              </td>
              <td>{meta.kind}</td>
              <td>{when(entry.opensAt)}</td>
              <td>
                {when(entry.closesAt)}
                {entry.closesAt && entry.closesAt < now ? ' (closed)' : ''}
              </td>
              <td>{meta.kind === 'homework' ? latePolicyText(entry) : '–'}</td>
              <td>
                {staff ? (
                  <>
                    <Link href={`/instructor/assessments/${meta.id}?class=${classId}`}>Results</Link>
                    {instructor ? (
                      <>
                        {' · '}
                        <UnscheduleButton classId={classId} assessmentId={meta.id} title={meta.title} />
                      </>
                    ) : null}
                  </>
                ) : (
                  statusOf(meta.id)
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {instructor ? <ScheduleAdmin classId={classId} /> : null}
    </>
  );
}

async function ScheduleAdmin({ classId }: { classId: string }) {
  const assessments = schedulableAssessments().map((a) => ({ id: a.id, title: `${a.title} (${a.kind})` }));
  const students = (
    await db().enrollment.findMany({
      where: { classId, role: 'student' },
      select: { user: { select: { id: true, name: true, email: true } } },
    })
  )
    .map((e) => e.user)
    .sort((a, b) => a.name.localeCompare(b.name));
  const accommodations = await db().accommodation.findMany({
    where: { classId },
    include: { user: { select: { name: true, email: true } } },
  });
  const titleOf = new Map(assessments.map((a) => [a.id, a.title]));
  return (
    <>
      <h3>Schedule an assessment</h3>
      <p className="muted">
        Scheduling again changes the dates. Exams end each attempt at the close date; homework takes late work
        by its late policy.
      </p>
      <ScheduleForm classId={classId} assessments={assessments} />
      <h3>Accommodations</h3>
      <p className="muted">
        Extra time stretches each timed attempt (factor first, then minutes); a personal date replaces the
        class's close or due date for that student.
      </p>
      {students.length > 0 ? (
        <AccommodationForm classId={classId} students={students} assessments={assessments} />
      ) : (
        <p className="muted">No students yet.</p>
      )}
      {accommodations.length > 0 ? (
        <DataTable
          columns={[
            { label: 'Student' },
            { label: 'For' },
            { label: 'Time factor', numeric: true },
            { label: 'Extra minutes', numeric: true },
            { label: 'Personal date (UTC)', nowrap: true },
            { label: '' },
          ]}
          testId="accommodations"
          label="Accommodations"
        >
          {accommodations.map((a) => (
            <tr key={`${a.userId}:${a.assessmentId}`}>
              <td>
                {a.user.name} ({a.user.email})
              </td>
              <td>
                {a.assessmentId === '*'
                  ? 'every assessment'
                  : (titleOf.get(a.assessmentId) ?? a.assessmentId)}
              </td>
              <td className="num">{a.timeFactor}</td>
              <td className="num">{a.extraMinutes}</td>
              <td>{when(a.closesAt)}</td>
              <td>
                <RemoveAccommodationButton
                  classId={classId}
                  userId={a.userId}
                  assessmentId={a.assessmentId}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

async function StudentGrades({ classId, userId }: { classId: string; userId: string }) {
  const { rows, columns } = await loadGradebook(db(), classId, userId);
  const row = rows[0];
  if (!row) return null;
  const max = columns.reduce((sum, c) => sum + c.points, 0);
  return (
    <>
      <h2>Your grades</h2>
      <p className="muted">
        Your best submission counts; a grade marked * was set by the course staff (the reason is shown with
        it).
      </p>
      <DataTable
        columns={[
          { label: 'Exercise' },
          { label: 'Grade', numeric: true },
          { label: 'Points', numeric: true },
        ]}
        testId="my-grades"
        label="Your grades"
      >
        {columns.map((c) => {
          const cell = row.cells[c.id];
          return (
            <tr key={c.id}>
              <td>
                <Link
                  href={
                    c.id.startsWith('assessment:')
                      ? `/assessments/${c.id.slice('assessment:'.length)}?class=${classId}`
                      : `/exercises/${c.id}`
                  }
                >
                  {c.title}
                </Link>
                {cell?.override ? <span className="muted"> ({cell.override.reason})</span> : null}
              </td>
              <td className="num">{cell ? <GradeCell cell={cell} /> : '–'}</td>
              <td className="num">{c.points}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">Total</th>
          <td className="num" data-testid="my-total">
            {Number.isInteger(row.total) ? row.total : row.total.toFixed(2)}
          </td>
          <td className="num">{max}</td>
        </tr>
      </DataTable>
    </>
  );
}

async function StaffSection({ classId, instructor }: { classId: string; instructor: boolean }) {
  const members = await db().enrollment.findMany({
    where: { classId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  members.sort((a, b) => b.role.localeCompare(a.role) || a.user.name.localeCompare(b.user.name));
  const invites = await db().classInvite.findMany({ where: { classId }, orderBy: { createdAt: 'asc' } });
  return (
    <>
      <p>
        <Link className="button" href={`/classes/${classId}/gradebook`}>
          Gradebook, overrides and exports
        </Link>
      </p>
      <h2>Roster ({members.length})</h2>
      <DataTable
        columns={[
          { label: 'Name' },
          { label: 'Email' },
          { label: 'Role' },
          ...(instructor ? [{ label: '' }] : []),
        ]}
        testId="roster"
        label="Roster"
      >
        {members.map(({ role, user }) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>
              {instructor ? (
                <RoleSelect classId={classId} userId={user.id} role={role} name={user.name} />
              ) : (
                roleLabel[role]
              )}
            </td>
            {instructor ? (
              <td>
                <RemoveMemberButton classId={classId} userId={user.id} name={user.name} />
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {invites.length > 0 ? (
        <>
          <h3>Invited, no account yet</h3>
          <ul data-testid="invites">
            {invites.map((i) => (
              <li key={i.email}>
                {i.email} ({roleLabel[i.role]})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

async function InstructorSection({
  classId,
  joinCode,
  joinOpen,
  taSeesKeys,
}: {
  classId: string;
  joinCode: string;
  joinOpen: boolean;
  taSeesKeys: boolean;
}) {
  const host = (await headers()).get('host') ?? 'localhost';
  const log = await db().auditEntry.findMany({
    where: { classId },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const people = await db().user.findMany({
    where: {
      id: { in: log.flatMap((e) => [e.actorId, e.subjectId]).filter((x): x is string => x !== null) },
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return (
    <>
      <h2>Join code</h2>
      <p>
        Students join with the code{' '}
        <span className="join-code" data-testid="join-code">
          {joinCode}
        </span>{' '}
        on <Link href="/classes">Your classes</Link>, or with the link{' '}
        <code data-testid="join-link">{`http://${host}${joinPath(joinCode)}`}</code>.
      </p>
      <ClassSettings classId={classId} joinOpen={joinOpen} taSeesKeys={taSeesKeys} />
      <h2>Add students and staff</h2>
      <AddMemberForm classId={classId} />
      <RosterUploadForm classId={classId} />
      <h2>Audit log</h2>
      <DataTable
        columns={[
          { label: 'When (UTC)', nowrap: true },
          { label: 'Who' },
          { label: 'What' },
          { label: 'Details' },
        ]}
        testId="audit-log"
        label="Audit log"
      >
        {log.map((e) => (
          <tr key={e.id}>
            <td>{e.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
            <td>{e.actorId ? (nameOf.get(e.actorId) ?? 'a removed account') : 'the server'}</td>
            <td>
              {actionText[e.action] ?? e.action}
              {e.subjectId ? ` (${nameOf.get(e.subjectId) ?? 'a removed account'})` : ''}
            </td>
            <td>
              <code>{e.detail}</code>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
