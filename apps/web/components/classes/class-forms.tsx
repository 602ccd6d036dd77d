'use client';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { ActionMessage, useAction } from './use-action.tsx';

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '');

/** Join a class with the code the instructor gave (any case, dashes allowed). */
export function JoinClassForm({ initialCode = '' }: { initialCode?: string }) {
  const { state, send } = useAction();
  const router = useRouter();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const joined = await send<{ id: string; name: string; joined: boolean }>(
      'POST',
      '/api/classes/join',
      { code: field(event, 'code') },
      (a) => (a.joined ? `You joined ${a.name}.` : `You are already in ${a.name}.`),
    );
    if (joined) router.push(`/classes/${joined.id}`);
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Join a class">
      <label>
        Join code
        <input name="code" required maxLength={40} defaultValue={initialCode} autoComplete="off" />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Join
      </button>
      <ActionMessage state={state} testId="join-result" />
    </form>
  );
}

/** Site instructors: create a class (they become its instructor). */
export function CreateClassForm() {
  const { state, send } = useAction();
  const router = useRouter();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await send<{ id: string; name: string; joinCode: string }>(
      'POST',
      '/api/classes',
      { name: field(event, 'name') },
      (a) => `Created ${a.name}: its join code is ${a.joinCode}.`,
    );
    if (created) router.push(`/classes/${created.id}`);
  }
  return (
    <form className="filters" onSubmit={onSubmit} aria-label="Create a class">
      <label>
        Class name
        <input name="name" required maxLength={100} placeholder="Winter 2026" />
      </label>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        Create class
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

/** Makes a class the current one (the course home and the nav then show it). */
export function MakeCurrentButton({ classId, name }: { classId: string; name: string }) {
  const { state, send } = useAction();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={state.kind === 'busy'}
        onClick={() =>
          void send('POST', '/api/classes/current', { classId }, () => `${name} is now your current class.`)
        }
      >
        Make current
      </button>
      <ActionMessage state={state} />
    </>
  );
}
