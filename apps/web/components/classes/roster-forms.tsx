'use client';
import { type FormEvent, useState } from 'react';
import { ActionMessage, useAction } from './use-action.tsx';

type Role = 'student' | 'ta' | 'instructor';
const roleOptions: { value: Role; label: string }[] = [
  { value: 'student', label: 'Student' },
  { value: 'ta', label: 'TA' },
  { value: 'instructor', label: 'Instructor' },
];

interface RosterOutcome {
  added: string[];
  invited: string[];
  unchanged: string[];
}
const outcomeText = (o: RosterOutcome) =>
  [
    o.added.length ? `added ${o.added.join(', ')}` : '',
    o.invited.length ? `invited ${o.invited.join(', ')} (they join when they sign up)` : '',
    o.unchanged.length ? `already there: ${o.unchanged.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ')
    .replace(/^./, (c) => c.toUpperCase()) || 'Nobody to add.';

/** Instructors: add one person by email with a role (a student, or staff: TA or instructor). */
export function AddMemberForm({ classId }: { classId: string }) {
  const { state, send } = useAction();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await send<RosterOutcome>(
      'POST',
      `/api/classes/${classId}/members`,
      { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? 'student') },
      outcomeText,
    );
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Add a person">
      <label>
        Email
        <input name="email" type="email" required maxLength={254} />
      </label>
      <label>
        Role
        <select name="role" defaultValue="student" aria-label="Role">
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Add
      </button>
      <ActionMessage state={state} testId="add-member-result" />
    </form>
  );
}

/** Instructors: upload a roster CSV (a header with `email`, optional `name` and `role`). */
export function RosterUploadForm({ classId }: { classId: string }) {
  const { state, send } = useAction();
  const [text, setText] = useState('');
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await send<RosterOutcome>('POST', `/api/classes/${classId}/members`, { csv: text }, outcomeText);
  }
  return (
    <form onSubmit={onSubmit} aria-label="Upload a roster">
      <label>
        Roster CSV file{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => setText((await event.currentTarget.files?.[0]?.text()) ?? '')}
        />
      </label>
      <label className="block-label">
        or paste it (a header row with <code>email</code>, optionally <code>name</code> and <code>role</code>)
        <textarea
          name="csv"
          rows={4}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          spellCheck={false}
        />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy' || text.trim() === ''}>
        Add the roster
      </button>
      <ActionMessage state={state} testId="roster-result" />
    </form>
  );
}

/** Instructors: a member's role, changed in place (recorded in the audit log). */
export function RoleSelect({
  classId,
  userId,
  role,
  name,
}: {
  classId: string;
  userId: string;
  role: Role;
  name: string;
}) {
  const { state, send } = useAction();
  return (
    <>
      <select
        aria-label={`Role of ${name}`}
        defaultValue={role}
        disabled={state.kind === 'busy'}
        onChange={(event) => {
          const to = event.currentTarget.value;
          void send(
            'PATCH',
            `/api/classes/${classId}/members/${userId}`,
            { role: to },
            () => `${name} is now ${roleOptions.find((o) => o.value === to)?.label}.`,
          );
        }}
      >
        {roleOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ActionMessage state={state} />
    </>
  );
}

/** Instructors: removes a member from the class (their submissions stay). */
export function RemoveMemberButton({
  classId,
  userId,
  name,
}: {
  classId: string;
  userId: string;
  name: string;
}) {
  const { state, send } = useAction();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={state.kind === 'busy'}
        onClick={() => {
          if (window.confirm(`Remove ${name} from the class? Their submissions are kept.`))
            void send(
              'DELETE',
              `/api/classes/${classId}/members/${userId}`,
              undefined,
              () => `${name} was removed.`,
            );
        }}
      >
        Remove
      </button>
      <ActionMessage state={state} />
    </>
  );
}

/** Instructors: whether the join code works, and whether TAs may see exam keys before an exam closes. */
export function ClassSettings({
  classId,
  joinOpen,
  taSeesKeys,
}: {
  classId: string;
  joinOpen: boolean;
  taSeesKeys: boolean;
}) {
  const { state, send } = useAction();
  const toggle = (name: 'joinOpen' | 'taSeesKeys', value: boolean) =>
    void send('PATCH', `/api/classes/${classId}`, { [name]: value });
  return (
    <fieldset className="settings">
      <legend>Settings</legend>
      <label>
        <input
          type="checkbox"
          defaultChecked={joinOpen}
          onChange={(e) => toggle('joinOpen', e.currentTarget.checked)}
        />{' '}
        Students may join with the code
      </label>
      <label>
        <input
          type="checkbox"
          defaultChecked={taSeesKeys}
          onChange={(e) => toggle('taSeesKeys', e.currentTarget.checked)}
        />{' '}
        TAs may see exam answer keys before an exam closes
      </label>
      <ActionMessage state={state} />
    </fieldset>
  );
}
