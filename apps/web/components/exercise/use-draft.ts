'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerDraftFlush } from '../../lib/draft-flush.ts';
import { errorOf } from './http.ts';

const SAVE_DELAY_MS = 800;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/**
 * The learner's draft: saved on the server a moment after they stop typing, flushed before
 * sign-out (and anything else that ends the session), sent with `keepalive` when the page goes
 * away, and saved at once when the page opened an earlier submission's code.
 */
export function useDraft(exerciseId: string, initialCode: string, loadedFromId: string | undefined) {
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** code typed but not saved yet (null when the draft is saved) */
  const unsaved = useRef<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);

  const saveDraft = useCallback(
    async (code: string): Promise<boolean> => {
      setSaveState('saving');
      const response = await fetch(`/api/exercises/${exerciseId}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }).catch(() => null);
      if (response?.ok) {
        if (unsaved.current === code) unsaved.current = null;
        setSaveState(unsaved.current === null ? 'saved' : 'pending');
        setSaveError(null);
        return true;
      }
      setSaveState('error');
      setSaveError(response ? await errorOf(response) : 'the server could not be reached');
      return false;
    },
    [exerciseId],
  );

  useEffect(() => {
    const flush = async (): Promise<boolean> => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = null;
      const code = unsaved.current;
      return code === null ? true : saveDraft(code);
    };
    const onPageHide = () => {
      const code = unsaved.current;
      if (code === null) return;
      void fetch(`/api/exercises/${exerciseId}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        keepalive: true,
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', onPageHide);
    const unregister = registerDraftFlush(flush);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      unregister();
    };
  }, [exerciseId, saveDraft]);

  // Code loaded from an earlier submission becomes the draft at once.
  useEffect(() => {
    if (!loadedFromId) return;
    unsaved.current = initialCode;
    void saveDraft(initialCode);
  }, [loadedFromId, initialCode, saveDraft]);

  const onChange = useCallback(
    (value: string | undefined) => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      unsaved.current = value ?? '';
      setSaveState('pending');
      saveTimer.current = setTimeout(() => {
        saveTimer.current = null;
        if (unsaved.current !== null) void saveDraft(unsaved.current);
      }, SAVE_DELAY_MS);
    },
    [saveDraft],
  );

  return { saveState, saveError, onChange };
}
