'use client';
import Editor, { type BeforeMount, loader, type Monaco, type OnMount } from '@monaco-editor/react';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { statusText } from '../../lib/status-text.ts';
import { LocalTime } from '../local-time.tsx';
import { ResultView } from './result-view.tsx';
import { configureTypeScript } from './typescript-setup.ts';
import { useDraft } from './use-draft.ts';
import { useRun } from './use-run.ts';
import { type HistoryItem, useSubmit } from './use-submit.ts';

export type { HistoryItem } from './use-submit.ts';

// Monaco comes from the site itself (public/monaco/vs, copied at build), never from a CDN.
loader.config({ paths: { vs: '/monaco/vs' } });

type CodeEditor = Parameters<OnMount>[0];

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
  const [ready, setReady] = useState(false);
  const draft = useDraft(exerciseId, props.initialCode, props.loadedFrom?.id);
  const { running, runResult, run: runInWorker, warm } = useRun(exerciseId);
  const {
    submitState,
    submitResult,
    history,
    submit: submitCode,
    busy,
  } = useSubmit(exerciseId, props.initialHistory);
  const { saveState, saveError } = draft;

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
    warm();
  };

  const run = () => runInWorker(monacoRef.current, editorRef.current?.getModel());

  const submit = () => {
    const code = editorRef.current?.getValue();
    if (code !== undefined) void submitCode(code);
  };

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
          onChange={draft.onChange}
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
        <button type="button" className="button" onClick={submit} disabled={!ready || busy}>
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
