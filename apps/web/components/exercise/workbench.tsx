'use client';
import type { RunKit } from '@gradlab/grader/browser';
import Editor, { type BeforeMount, loader, type Monaco, type OnMount } from '@monaco-editor/react';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerDraftFlush } from '../../lib/draft-flush.ts';
import { statusText } from '../../lib/status-text.ts';
import { LocalTime } from '../local-time.tsx';
import { BrowserRunner } from './browser-runner.ts';
import { type ResultLike, ResultView } from './result-view.tsx';
import { compileModel, configureTypeScript } from './typescript-setup.ts';

// Monaco comes from the site itself (public/monaco/vs, copied at build), never from a CDN.
loader.config({ paths: { vs: '/monaco/vs' } });

export interface HistoryItem {
  id: string;
  status: string;
  score: number | null;
  maxScore: number | null;
  createdAt: string;
}

type CodeEditor = Parameters<OnMount>[0];

const SAVE_DELAY_MS = 800;
const POLL_MS = 250;

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    return body.error ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

function describe(item: HistoryItem): string {
  const status = statusText(item.status);
  return item.score === null ? status : `${status}, ${item.score} / ${item.maxScore ?? '?'} points`;
}

/** The focusable elements of the page, in Tab order (enough for this page: no positive tabindex). */
function focusables(): HTMLElement[] {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]';
  return [...document.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/** Moves the focus to the element after (or before) `container`, outside it. */
function focusOutside(container: Element, backwards: boolean): void {
  const all = focusables();
  const outside = all.filter((el) => !container.contains(el));
  const target = backwards
    ? outside.filter((el) => el.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1)
    : outside.find((el) => el.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_PRECEDING);
  target?.focus();
}

export function Workbench(props: {
  exerciseId: string;
  starter: string;
  initialCode: string;
  initialHistory: HistoryItem[];
  /** set when the page opened an earlier submission's code (`?from=`) */
  loadedFrom?: { id: string; createdAt: string };
}) {
  const { exerciseId, starter } = props;
  const editorRef = useRef<CodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const runnerRef = useRef<BrowserRunner | null>(null);
  const kitRef = useRef<Promise<RunKit> | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** code typed but not saved yet (null when the draft is saved) */
  const unsaved = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [runResult, setRunResult] = useState<ResultLike | null>(null);
  const [submitState, setSubmitState] = useState<string | null>(null);
  const [submitResult, setSubmitResult] = useState<{ id: string; result: ResultLike | null } | null>(null);
  const [history, setHistory] = useState<HistoryItem[]>(props.initialHistory);

  useEffect(() => {
    runnerRef.current = new BrowserRunner();
    return () => runnerRef.current?.stop();
  }, []);

  const kit = useCallback((): Promise<RunKit> => {
    kitRef.current ??= fetch(`/api/exercises/${exerciseId}/kit`).then(async (response) => {
      if (!response.ok) {
        kitRef.current = null;
        throw new Error(await errorOf(response));
      }
      return (await response.json()) as RunKit;
    });
    return kitRef.current;
  }, [exerciseId]);

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

  // Sign out (and anything else that ends the session) saves the pending draft first; leaving
  // the page sends it with `keepalive`, which outlives the page.
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
  const loadedFromId = props.loadedFrom?.id;
  useEffect(() => {
    if (!loadedFromId) return;
    unsaved.current = props.initialCode;
    void saveDraft(props.initialCode);
  }, [loadedFromId, props.initialCode, saveDraft]);

  const beforeMount: BeforeMount = (monaco) => {
    void configureTypeScript(monaco);
  };

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      document.getElementById('run-button')?.click();
    });
    // "Escape, then Tab" leaves the editor (Shift+Tab backwards); any other key in between
    // disarms it, so Tab still indents while typing.
    const escaped = editor.createContextKey<boolean>('gradlabEscaped', false);
    editor.onKeyDown((event) => {
      if (event.keyCode === monaco.KeyCode.Escape) escaped.set(true);
      else if (event.keyCode !== monaco.KeyCode.Tab && event.keyCode !== monaco.KeyCode.Shift)
        escaped.set(false);
    });
    editor.onDidBlurEditorText(() => escaped.set(false));
    const leave = (backwards: boolean) => {
      escaped.set(false);
      const frame = editor.getDomNode()?.closest('[data-testid="editor"]');
      if (frame) focusOutside(frame, backwards);
    };
    editor.addCommand(monaco.KeyCode.Tab, () => leave(false), 'gradlabEscaped');
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Tab, () => leave(true), 'gradlabEscaped');
    setReady(true);
    // The worker and the kit are fetched ahead of the first Run.
    runnerRef.current?.warm();
    kit().catch(() => undefined);
  };

  const onChange = (value: string | undefined) => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    unsaved.current = value ?? '';
    setSaveState('pending');
    saveTimer.current = setTimeout(() => {
      saveTimer.current = null;
      if (unsaved.current !== null) void saveDraft(unsaved.current);
    }, SAVE_DELAY_MS);
  };

  async function run() {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!editor || !monaco || !model || !runnerRef.current) return;
    setRunning(true);
    setRunResult(null);
    try {
      const [compiled, runKit] = await Promise.all([compileModel(monaco, model), kit()]);
      if (!compiled.ok) {
        setRunResult({
          status: 'compile_error',
          score: 0,
          maxScore: 0,
          durationMs: 0,
          message: compiled.message,
          tests: [],
        });
        return;
      }
      setRunResult(await runnerRef.current.run(runKit, compiled.js));
    } catch (error) {
      setRunResult({
        status: 'error',
        score: 0,
        maxScore: 0,
        durationMs: 0,
        message: `Run failed: ${error instanceof Error ? error.message : String(error)}`,
        tests: [],
      });
    } finally {
      setRunning(false);
    }
  }

  async function submit() {
    const code = editorRef.current?.getValue();
    if (code === undefined) return;
    setSubmitResult(null);
    setSubmitState('sending');
    const response = await fetch('/api/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ exerciseId, code, language: 'ts' }),
    });
    if (!response.ok) {
      setSubmitState(`not submitted: ${await errorOf(response)}`);
      return;
    }
    const created = (await response.json()) as HistoryItem;
    setHistory((items) => [created, ...items]);
    let current = created.status;
    setSubmitState(statusText(current));
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const poll = await fetch(`/api/submissions/${created.id}`);
      if (!poll.ok) {
        setSubmitState(`could not read the result: ${await errorOf(poll)}`);
        return;
      }
      const view = (await poll.json()) as HistoryItem & { result: ResultLike | null };
      if (view.status !== current) {
        current = view.status;
        setSubmitState(statusText(current));
      }
      if (view.status !== 'queued' && view.status !== 'running') {
        setSubmitResult({ id: created.id, result: view.result });
        setHistory((items) => items.map((item) => (item.id === view.id ? view : item)));
        return;
      }
    }
  }

  function resetToStarter() {
    const editor = editorRef.current;
    if (!editor) return;
    if (editor.getValue() !== starter && !window.confirm('Replace your code with the starter code?')) return;
    editor.setValue(starter);
    editor.focus();
  }

  const saveText = {
    saved: 'Draft saved',
    pending: 'Unsaved changes',
    saving: 'Saving…',
    error: 'Draft not saved',
  }[saveState];

  return (
    <div className="workbench-editor">
      <p className="muted" id="editor-help">
        TypeScript with the global <code>np</code>. In the editor, Tab indents; press Ctrl+M to make Tab move
        the focus instead (or Escape, then Tab). Ctrl+Enter runs.
      </p>
      <div className="editor-frame" data-testid="editor">
        <Editor
          path={`file:///exercise/${exerciseId}.ts`}
          defaultLanguage="typescript"
          defaultValue={props.initialCode}
          beforeMount={beforeMount}
          onMount={onMount}
          onChange={onChange}
          loading={<p className="muted">Loading the editor…</p>}
          options={{
            minimap: { enabled: false },
            fontSize: 14,
            tabSize: 2,
            scrollBeyondLastLine: false,
            ariaLabel: 'Code editor: your solution in TypeScript',
            automaticLayout: true,
            fixedOverflowWidgets: true,
          }}
        />
      </div>
      <div className="toolbar">
        <button id="run-button" type="button" className="button" onClick={run} disabled={!ready || running}>
          {running ? 'Running…' : 'Run'}
        </button>
        <button
          type="button"
          className="button"
          onClick={submit}
          disabled={
            !ready ||
            submitState === 'sending' ||
            submitState === statusText('queued') ||
            submitState === statusText('running')
          }
        >
          Submit
        </button>
        <button type="button" className="button secondary" onClick={resetToStarter} disabled={!ready}>
          Reset to starter
        </button>
        <span className="status" role="status" data-testid="draft-status">
          {saveText}
        </span>
      </div>
      {saveState === 'error' ? (
        <p className="save-error" role="alert" data-testid="draft-error">
          Your draft was not saved ({saveError}). Keep this page open and try again, or copy your code
          somewhere safe.
        </p>
      ) : null}
      {props.loadedFrom ? (
        <p className="notice" data-testid="loaded-from">
          Loaded the code of your submission of <LocalTime iso={props.loadedFrom.createdAt} /> into the editor
          (it is now your draft).
        </p>
      ) : null}
      <div aria-live="polite">
        {runResult ? <ResultView result={runResult} title="Run (public tests)" testId="run-result" /> : null}
        {submitState ? (
          <p data-testid="submit-status">
            Submission: <strong>{submitState}</strong>
          </p>
        ) : null}
        {submitResult?.result ? (
          <>
            <ResultView result={submitResult.result} title="Submission" testId="submit-result" />
            <p>
              <Link href={`/submissions/${submitResult.id}`}>Open this submission</Link>
            </p>
          </>
        ) : null}
      </div>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Your submissions</h2>
        {history.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ol className="history" data-testid="history">
            {history.map((item) => (
              <li key={item.id}>
                <Link href={`/submissions/${item.id}`}>
                  <LocalTime iso={item.createdAt} />: {describe(item)}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
