'use client';
import type { RunKit } from '@gradlab/grader/browser';
import Editor, { type BeforeMount, loader, type Monaco, type OnMount } from '@monaco-editor/react';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const when = new Date(item.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  const score = item.score === null ? item.status : `${item.status}, ${item.score} / ${item.maxScore ?? '?'}`;
  return `${when}: ${score}`;
}

export function Workbench(props: {
  exerciseId: string;
  starter: string;
  initialCode: string;
  initialHistory: HistoryItem[];
}) {
  const { exerciseId, starter } = props;
  const editorRef = useRef<CodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const runnerRef = useRef<BrowserRunner | null>(null);
  const kitRef = useRef<Promise<RunKit> | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [ready, setReady] = useState(false);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
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
    async (code: string) => {
      setSaveState('saving');
      const response = await fetch(`/api/exercises/${exerciseId}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      }).catch(() => null);
      setSaveState(response?.ok ? 'saved' : 'error');
    },
    [exerciseId],
  );

  const beforeMount: BeforeMount = (monaco) => {
    void configureTypeScript(monaco);
  };

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
      document.getElementById('run-button')?.click();
    });
    setReady(true);
    // The worker and the kit are fetched ahead of the first Run.
    runnerRef.current?.warm();
    kit().catch(() => undefined);
  };

  const onChange = (value: string | undefined) => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    setSaveState('pending');
    saveTimer.current = setTimeout(() => void saveDraft(value ?? ''), SAVE_DELAY_MS);
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
    setSubmitState(current);
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
        setSubmitState(current);
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
            !ready || submitState === 'sending' || submitState === 'queued' || submitState === 'running'
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
                <Link href={`/submissions/${item.id}`}>{describe(item)}</Link>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
