'use client';
import { connectGpuWorker, type GpuConnection } from '@gradlab/kernels';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { blocks, blocksOf } from '../../lib/lab/blocks.ts';
import type { BlockCheck } from '../../lib/lab/check-blocks.ts';
import { alignRuns, setupDifferences } from '../../lib/lab/compare.ts';
import { diagnose } from '../../lib/lab/diagnose.ts';
import {
  activations,
  convolutions,
  datasets,
  isImageSet,
  type LabSetup,
  losses,
  optimizers,
  setupQuery,
  setupSchema,
  withDataset,
} from '../../lib/lab/setup.ts';
import type { EngineReport, ImageReport, LabRecord, LabReply, LabRequest } from './lab.worker.ts';

interface ModuleInfo {
  exercise: string;
  js: string | null;
  submittedAt: string | null;
  draftJs: string | null;
  draftError: string | null;
}

/** The code a block runs: the passing submission, or (when asked and present) the draft. */
function codeOf(info: ModuleInfo | undefined, setup: LabSetup): string | null {
  if (!info?.js) return null;
  return setup.code === 'draft' && info.draftJs ? info.draftJs : info.js;
}

type Status = 'idle' | 'running' | 'paused' | 'done' | 'error' | 'locked';

const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
const light = ['#c6dbef', '#f7c6c6', '#c7e9c0', '#dadaeb', '#fdd0a2'];

/** A line chart of the run's records (uPlot), redrawn as records arrive. */
function Chart({
  title,
  records,
  pinned,
  series,
  testId,
}: {
  title: string;
  records: LabRecord[];
  /** a pinned earlier run, drawn dashed on the same axes */
  pinned: LabRecord[] | null;
  series: { label: string; value: (r: LabRecord) => number; color: string }[];
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const labels = `${series.map((s) => s.label).join('|')}${pinned ? '|pinned' : ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt when its series change
  useEffect(() => {
    if (!box.current) return;
    const lines = series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5, spanGaps: true }));
    const pinnedLines = pinned
      ? series.map((s) => ({
          ...s,
          label: `${s.label} (pinned)`,
          stroke: s.color,
          width: 1.5,
          dash: [6, 4],
          spanGaps: true,
        }))
      : [];
    plot.current = new uPlot(
      {
        width: 360,
        height: 200,
        title,
        scales: { x: { time: false } },
        axes: [{ label: 'step' }, {}],
        series: [{ label: 'step' }, ...lines, ...pinnedLines],
      },
      [[], ...lines.map(() => []), ...pinnedLines.map(() => [])],
      box.current,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [title, labels]);
  useEffect(() => {
    const runs = pinned ? [records, pinned] : [records];
    const aligned = series.map((s) => alignRuns(runs, s.value));
    const steps = aligned[0]?.steps ?? [];
    const current = aligned.map((a) => a.values[0] ?? []);
    const earlier = pinned ? aligned.map((a) => a.values[1] ?? []) : [];
    plot.current?.setData([steps, ...current, ...earlier] as uPlot.AlignedData);
  }, [records, pinned, series]);
  return <div ref={box} data-testid={testId} role="img" aria-label={title} />;
}

/** The decision boundary (a class per grid cell) with the training points on top. */
function Boundary({
  boundary,
  resolution,
  train,
  canvasRef,
}: {
  boundary: number[] | null;
  resolution: number;
  train: { x: number[]; y: number[] } | null;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
}) {
  const size = 300;
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.clearRect(0, 0, size, size);
    if (boundary) {
      const cell = size / resolution;
      for (let k = 0; k < boundary.length; k++) {
        context.fillStyle = light[(boundary[k] ?? 0) % light.length] as string;
        context.fillRect((k % resolution) * cell, Math.floor(k / resolution) * cell, cell + 0.5, cell + 0.5);
      }
    }
    if (train) {
      for (let i = 0; i < train.y.length; i++) {
        const px = (((train.x[2 * i] ?? 0) + 1.5) / 3) * size;
        const py = ((1.5 - (train.x[2 * i + 1] ?? 0)) / 3) * size;
        context.fillStyle = palette[(train.y[i] ?? 0) % palette.length] as string;
        context.beginPath();
        context.arc(px, py, 2.5, 0, 2 * Math.PI);
        context.fill();
      }
    }
  }, [boundary, resolution, train, canvasRef]);
  return (
    <canvas
      ref={canvasRef}
      width={size}
      height={size}
      className="lab-boundary"
      data-testid="decision-boundary"
      aria-label="The decision boundary: the class the network predicts over the plane, with the training points"
    />
  );
}

/** One grayscale image (pixels row by row, 0 black to 1 white), drawn `scale` times its size. */
function ImageTile({
  pixels,
  size,
  scale,
  label,
}: {
  pixels: number[];
  size: number;
  scale: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) {
        const gray = Math.round(255 * Math.min(1, Math.max(0, pixels[r * size + c] ?? 0)));
        context.fillStyle = `rgb(${gray},${gray},${gray})`;
        context.fillRect(c * scale, r * scale, scale, scale);
      }
  }, [pixels, size, scale]);
  return <canvas ref={ref} width={size * scale} height={size * scale} aria-label={label} />;
}

/** Validation images per true class (rows) and predicted class (columns); the diagonal is right. */
function ConfusionMatrix({ confusion, labels }: { confusion: number[][]; labels: string[] }) {
  return (
    <table data-testid="confusion-matrix" aria-label="Confusion matrix of the validation images">
      <caption>Validation images: true class (rows) by predicted class (columns)</caption>
      <thead>
        <tr>
          <th scope="col">true \ predicted</th>
          {labels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, truth) => {
          const total = row.reduce((a, b) => a + b, 0) || 1;
          return (
            <tr key={labels[truth] ?? truth}>
              <th scope="row">{labels[truth]}</th>
              {row.map((count, guess) => (
                <td
                  key={labels[guess] ?? guess}
                  style={{
                    textAlign: 'right',
                    padding: '0.2rem 0.5rem',
                    // shade by the share of the row: right answers green, wrong ones red
                    background: `rgba(${truth === guess ? '44,160,44' : '214,39,40'},${(0.6 * count) / total})`,
                  }}
                >
                  {count}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A few validation images the network gets wrong, each with its true and predicted class. */
function Misclassified({
  items,
  validation,
  size,
  labels,
}: {
  items: ImageReport['misclassified'];
  validation: { x: number[]; y: number[] };
  size: number;
  labels: string[];
}) {
  const pixels = size * size;
  return (
    <figure data-testid="misclassified" style={{ margin: 0 }}>
      <figcaption>
        {items.length === 0 ? 'No misclassified validation images' : 'Misclassified validation images'}
      </figcaption>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', maxWidth: 360 }}>
        {items.map(({ index, predicted }) => {
          const truth = labels[validation.y[index] ?? 0] ?? '?';
          const guess = labels[predicted] ?? '?';
          return (
            <div key={index} style={{ fontSize: '0.75rem', textAlign: 'center' }}>
              <ImageTile
                pixels={validation.x.slice(index * pixels, (index + 1) * pixels)}
                size={size}
                scale={4}
                label={`a ${truth} taken for a ${guess}`}
              />
              <div>
                {truth} → {guess}
              </div>
            </div>
          );
        })}
      </div>
    </figure>
  );
}

/** The pinned run beside the current one: what differs in the set-up, and where each run ended. */
function Comparison({
  pinned,
  setup,
  records,
}: {
  pinned: { setup: LabSetup; records: LabRecord[] };
  setup: LabSetup;
  records: LabRecord[];
}) {
  const differences = setupDifferences(pinned.setup, setup);
  const ends = [pinned.records.at(-1), records.at(-1)];
  const percent = (x: number | undefined) => (x === undefined ? '-' : `${Math.round(x * 100)}%`);
  const rows: [string, (r: LabRecord | undefined) => string][] = [
    ['step', (r) => (r ? String(r.step) : '-')],
    ['loss', (r) => (r ? r.loss.toFixed(4) : '-')],
    ['train accuracy', (r) => percent(r?.trainAccuracy)],
    ['validation accuracy', (r) => percent(r?.validationAccuracy)],
  ];
  return (
    <table data-testid="lab-compare" aria-label="The pinned run and this run">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">pinned run (dashed)</th>
          <th scope="col">this run</th>
        </tr>
      </thead>
      <tbody>
        {differences.length === 0 ? (
          <tr>
            <th scope="row">set-up</th>
            <td colSpan={2}>the same (another seed or code shows the run-to-run spread)</td>
          </tr>
        ) : (
          differences.map((d) => (
            <tr key={d.field}>
              <th scope="row">{d.field}</th>
              <td>{d.pinned}</td>
              <td>{d.current}</td>
            </tr>
          ))
        )}
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{cell(ends[0])}</td>
            <td>{cell(ends[1])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const lossSeries = [
  { label: 'train loss', value: (r: LabRecord) => r.loss, color: palette[0] as string },
  { label: 'validation loss', value: (r: LabRecord) => r.validationLoss, color: palette[1] as string },
];
const accuracySeries = [
  { label: 'train accuracy', value: (r: LabRecord) => r.trainAccuracy, color: palette[0] as string },
  {
    label: 'validation accuracy',
    value: (r: LabRecord) => r.validationAccuracy,
    color: palette[1] as string,
  },
];

const ISOLATION_TRIED = 'gradlab-lab-isolated-load';

/**
 * Loads `href` afresh when WebGPU is asked for on a page that is not cross-origin isolated: a
 * link inside the site reaches /lab without a full load, so the page keeps the headers of the
 * first page it loaded, and only a full load gets the lab's isolation headers. Once per address:
 * when even the full load is not isolated, the lab trains on WebAssembly and says why. True when
 * the page is being replaced.
 */
function loadIsolated(href: string): boolean {
  if (globalThis.crossOriginIsolated) {
    sessionStorage.removeItem(ISOLATION_TRIED);
    return false;
  }
  if (sessionStorage.getItem(ISOLATION_TRIED) === href) return false;
  sessionStorage.setItem(ISOLATION_TRIED, href);
  window.location.assign(href);
  return true;
}

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/**
 * The lab: the set-up form (kept in the URL), the blocks with whose code they run, Start / Pause
 * / Step / Reset, live curves, the decision boundary (2-D sets) or the confusion matrix and
 * misclassified images (image sets), gradient norms per layer and notes.
 */
export function Lab({
  initial,
  modules,
  preset,
}: {
  initial: LabSetup;
  modules: ModuleInfo[];
  /** an instructor's preset: its set-up, and the fields it fixes (their controls are not shown) */
  preset: { slug: string; setup: LabSetup; fixed: (keyof LabSetup)[] } | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [setup, setSetup] = useState<LabSetup>(initial);
  const [status, setStatus] = useState<Status>('idle');
  const [records, setRecords] = useState<LabRecord[]>([]);
  const [boundary, setBoundary] = useState<{ cells: number[]; resolution: number } | null>(null);
  const [train, setTrain] = useState<{ x: number[]; y: number[] } | null>(null);
  const [validation, setValidation] = useState<{ x: number[]; y: number[] } | null>(null);
  const [imageSet, setImageSet] = useState<{ size: number; labels: string[] } | null>(null);
  const [imageReport, setImageReport] = useState<ImageReport | null>(null);
  const [speed, setSpeed] = useState(0);
  const [error, setError] = useState<{ block: string; message: string } | null>(null);
  const [plan, setPlan] = useState<{ classes: number; totalSteps: number; stepsPerEpoch: number } | null>(
    null,
  );
  const [checks, setChecks] = useState<BlockCheck[] | null>(null);
  /** a run kept for comparison: its set-up and curves stay while the next run trains */
  const [pinned, setPinned] = useState<{ setup: LabSetup; records: LabRecord[] } | null>(null);
  const worker = useRef<Worker | null>(null);
  /** the GPU worker (engine webgpu), which the training worker hands matmul and convolution */
  const gpuWorker = useRef<Worker | null>(null);
  /** counts starts: a GPU connection that lands after a newer start is dropped */
  const generation = useRef(0);
  const [engine, setEngine] = useState<EngineReport | null>(null);
  const [connecting, setConnecting] = useState(false);
  const canvas = useRef<HTMLCanvasElement | null>(null);

  const byExercise = useMemo(() => new Map(modules.map((m) => [m.exercise, m])), [modules]);
  const used = blocksOf(setup);
  const locked = used.filter((id) => !byExercise.get(blocks[id].exercise)?.js);

  /** Starts the training worker, with the port to the GPU worker when there is one. */
  const launch = useCallback((next: LabSetup, code: Record<string, string>, gpu: GpuConnection | null) => {
    const w = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<LabReply>) => {
      const reply = event.data;
      if (reply.type === 'ready') {
        setTrain(reply.train);
        setValidation(reply.validation);
        setImageSet(reply.images);
        setPlan({
          classes: reply.classes,
          totalSteps: reply.totalSteps,
          stepsPerEpoch: reply.stepsPerEpoch,
        });
        setEngine(gpu && !gpu.ok ? { ...reply.engine, fallback: gpu.reason } : reply.engine);
      } else if (reply.type === 'progress') {
        if (reply.records.length > 0) setRecords((all) => [...all, ...reply.records].slice(-2000));
        if (reply.stepsPerSecond > 0) setSpeed(reply.stepsPerSecond);
        if (reply.boundary) setBoundary({ cells: reply.boundary, resolution: reply.resolution });
        if (reply.images) setImageReport(reply.images);
      } else if (reply.type === 'checked') {
        setChecks(reply.results);
      } else if (reply.type === 'done') {
        setStatus('done');
      } else if (reply.type === 'error') {
        setError({ block: reply.block, message: reply.message });
        setStatus('error');
      }
    };
    const port = gpu?.ok ? gpu.port : null;
    w.postMessage(
      {
        type: 'init',
        setup: next,
        modules: code,
        gpu: gpu?.ok && port ? { port, adapter: gpu.adapter } : null,
      } satisfies LabRequest,
      port ? [port] : [],
    );
  }, []);

  const start = useCallback(
    (next: LabSetup) => {
      const run = ++generation.current;
      worker.current?.terminate();
      worker.current = null;
      gpuWorker.current?.terminate();
      gpuWorker.current = null;
      setEngine(null);
      setConnecting(false);
      setRecords([]);
      setBoundary(null);
      setImageReport(null);
      setError(null);
      setSpeed(0);
      setChecks(null);
      if (blocksOf(next).some((id) => !byExercise.get(blocks[id].exercise)?.js)) {
        setStatus('locked');
        return;
      }
      const code: Record<string, string> = {};
      for (const id of blocksOf(next)) {
        const js = codeOf(byExercise.get(blocks[id].exercise), next);
        if (js) code[blocks[id].exercise] = js;
      }
      setStatus('idle');
      if (next.engine !== 'webgpu') {
        launch(next, code, null);
        return;
      }
      setConnecting(true);
      void connectGpuWorker(
        () => new Worker(new URL('./gpu.worker.ts', import.meta.url), { type: 'module' }),
      ).then((gpu) => {
        if (run !== generation.current) {
          if (gpu.ok) gpu.worker.terminate();
          return;
        }
        setConnecting(false);
        if (gpu.ok) gpuWorker.current = gpu.worker;
        else console.warn(`gradlab lab: WebGPU was asked for; training on WebAssembly because ${gpu.reason}`);
        launch(next, code, gpu);
      });
    },
    [byExercise, launch],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new set-up starts a new run once
  useEffect(() => {
    if (setup.engine === 'webgpu' && loadIsolated(`${window.location.pathname}${window.location.search}`))
      return;
    start(setup);
    return () => {
      worker.current?.terminate();
      gpuWorker.current?.terminate();
    };
  }, []);

  function change(field: keyof LabSetup, raw: string) {
    const dataset = field === 'dataset' ? setupSchema.shape.dataset.safeParse(raw) : null;
    const parsed = setupSchema.safeParse(
      dataset?.success ? withDataset(setup, dataset.data) : { ...setup, [field]: raw },
    );
    if (!parsed.success) {
      setError({
        block: 'the set-up',
        message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
      return;
    }
    setSetup(parsed.data);
    const query = preset
      ? [`preset=${encodeURIComponent(preset.slug)}`, setupQuery(parsed.data, preset.setup)]
          .filter(Boolean)
          .join('&')
      : setupQuery(parsed.data);
    const href = query ? `${pathname}?${query}` : pathname;
    if (parsed.data.engine === 'webgpu' && loadIsolated(href)) return;
    router.replace(href, { scroll: false });
    start(parsed.data);
  }

  const send = (request: LabRequest) => worker.current?.postMessage(request);
  const images = isImageSet(setup);
  const last = records.at(-1);
  const notes = status === 'error' || !plan ? [] : diagnose(records, plan.classes, setup.loss);

  const shown = (field: keyof LabSetup) => !preset?.fixed.includes(field);
  const select = (field: keyof LabSetup, label: string, options: readonly string[]) =>
    shown(field) ? (
      <label>
        {label}
        <select
          value={String(setup[field])}
          onChange={(e) => change(field, e.currentTarget.value)}
          aria-label={label}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  const number = (field: keyof LabSetup, label: string, step = 'any') =>
    shown(field) ? (
      <label>
        {label}
        <input
          type="number"
          step={step}
          defaultValue={String(setup[field])}
          key={`${field}:${setup[field]}`}
          aria-label={label}
          onBlur={(e) => {
            if (e.currentTarget.value !== String(setup[field])) change(field, e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') change(field, e.currentTarget.value);
          }}
        />
      </label>
    ) : null;

  return (
    <div className="lab">
      <form className="filters" aria-label="Set-up" onSubmit={(e) => e.preventDefault()}>
        {select('dataset', 'Dataset', datasets)}
        {number('points', 'Points', '1')}
        {number('classes', 'Classes', '1')}
        {number('noise', 'Noise')}
        {number('validation', 'Validation share')}
        {shown('hidden') ? (
          <label>
            Hidden layers
            <input
              defaultValue={setup.hidden}
              key={`hidden:${setup.hidden}`}
              aria-label="Hidden layers"
              onBlur={(e) => {
                if (e.currentTarget.value !== setup.hidden) change('hidden', e.currentTarget.value);
              }}
            />
          </label>
        ) : null}
        {select('activation', 'Activation', activations)}
        {images ? number('filters', 'Filters', '1') : null}
        {images ? select('conv', 'Convolution', convolutions) : null}
        {select('batchnorm', 'Batch normalization', ['off', 'on'])}
        {number('dropout', 'Dropout probability')}
        {select('loss', 'Loss', losses)}
        {select('optimizer', 'Optimizer', optimizers)}
        {number('learningRate', 'Learning rate')}
        {number('batchSize', 'Batch size', '1')}
        {number('reg', 'L2')}
        {number('epochs', 'Epochs', '1')}
        {shown('engine') ? (
          <label>
            Engine
            <select
              value={setup.engine}
              onChange={(e) => change('engine', e.currentTarget.value)}
              aria-label="Engine"
            >
              <option value="wasm">WebAssembly</option>
              <option value="webgpu">WebGPU</option>
            </select>
          </label>
        ) : null}
        {number('seed', 'Seed', '1')}
        {select('code', 'Run my', ['submitted', 'draft'])}
      </form>
      {preset && preset.fixed.length > 0 ? (
        <p className="muted" data-testid="preset-fixed">
          Fixed by this preset: {preset.fixed.map((field) => `${field} ${setup[field]}`).join(', ')}.{' '}
          <Link href={`/lab?${setupQuery(setup)}`}>Open this set-up in the full lab</Link> to change them.
        </p>
      ) : null}

      <h2>Blocks</h2>
      <ul data-testid="lab-blocks">
        {used.map((id) => {
          const info = byExercise.get(blocks[id].exercise);
          return (
            <li key={id}>
              <strong>{blocks[id].name}</strong>:{' '}
              {info?.js ? (
                setup.code === 'draft' && info.draftJs ? (
                  <span>your draft of {blocks[id].exercise}</span>
                ) : (
                  <span>
                    your code from {blocks[id].exercise} (submitted {info.submittedAt?.slice(0, 10)})
                    {setup.code === 'draft'
                      ? info.draftError
                        ? `; your draft does not compile (${info.draftError.split('\n')[0]}), so the submission runs`
                        : '; no draft, so the submission runs'
                      : ''}
                  </span>
                )
              ) : (
                <span className="error-text">
                  locked: pass <Link href={`/exercises/${blocks[id].exercise}`}>{blocks[id].exercise}</Link>{' '}
                  to use it
                </span>
              )}
            </li>
          );
        })}
      </ul>

      <div className="filters">
        <button
          type="button"
          className="button"
          disabled={
            connecting || locked.length > 0 || status === 'running' || status === 'done' || status === 'error'
          }
          onClick={() => {
            send({ type: 'run' });
            setStatus('running');
          }}
        >
          Start
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={status !== 'running'}
          onClick={() => {
            send({ type: 'pause' });
            setStatus('paused');
          }}
        >
          Pause
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={
            connecting || locked.length > 0 || status === 'running' || status === 'done' || status === 'error'
          }
          onClick={() => {
            send({ type: 'step' });
            setStatus('paused');
          }}
        >
          Step
        </button>
        <button type="button" className="button secondary" onClick={() => start(setup)}>
          Reset
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={locked.length > 0}
          onClick={() => send({ type: 'check' })}
        >
          Check my layers
        </button>
        <button
          type="button"
          className="link-button"
          disabled={records.length === 0}
          onClick={() => {
            const header = 'step,epoch,loss,validation_loss,train_accuracy,validation_accuracy';
            const rows = records.map((r) =>
              [r.step, r.epoch, r.loss, r.validationLoss, r.trainAccuracy, r.validationAccuracy].join(','),
            );
            const blob = new Blob([`${header}\n${rows.join('\n')}\n`], { type: 'text/csv' });
            download('gradlab-lab-run.csv', URL.createObjectURL(blob));
          }}
        >
          Export CSV
        </button>
        {images ? null : (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              canvas.current && download('gradlab-lab-boundary.png', canvas.current.toDataURL('image/png'))
            }
          >
            Export PNG
          </button>
        )}
        <button
          type="button"
          className="link-button"
          disabled={records.length === 0}
          onClick={() => setPinned({ setup, records })}
        >
          Pin this run to compare
        </button>
        {pinned ? (
          <button type="button" className="link-button" onClick={() => setPinned(null)}>
            Unpin
          </button>
        ) : null}
      </div>

      <p data-testid="lab-status" aria-live="polite">
        {status === 'locked'
          ? 'Locked: pass the exercises of the locked blocks first.'
          : `${connecting ? 'connecting to the GPU' : status}${last ? ` · step ${last.step}${plan ? ` of ${plan.totalSteps}` : ''} · epoch ${last.epoch.toFixed(1)}` : ''}${speed > 0 ? ` · ${Math.round(speed)} steps/s` : ''}${engine ? ` on ${engine.name}` : ''}`}
      </p>
      {engine ? (
        <p className="muted" data-testid="lab-engine">
          Engine: {engine.name}
          {engine.adapter
            ? ` (${engine.adapter}): matrix products and convolutions run on the GPU in float32`
            : ''}
        </p>
      ) : null}
      {engine?.fallback ? (
        <p role="status" data-testid="lab-engine-fallback">
          You asked for WebGPU, but {engine.fallback}. Training on {engine.name} instead.
        </p>
      ) : null}
      {last ? (
        <p data-testid="lab-metrics">
          loss {last.loss.toFixed(4)} · train accuracy {Math.round(last.trainAccuracy * 100)}% · validation
          accuracy {Math.round(last.validationAccuracy * 100)}% · gradient norms per layer:{' '}
          {last.gradNorms.map((g) => g.toExponential(2)).join(', ')}
        </p>
      ) : null}
      {pinned ? <Comparison pinned={pinned} setup={setup} records={records} /> : null}
      {checks ? (
        <ul data-testid="lab-checks" aria-label="Checks of your layers">
          {checks.map((c) => (
            <li key={c.block} className={c.ok ? 'ok-text' : 'error-text'}>
              {c.ok ? '✓' : '✗'} {c.block}: {c.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="error-text" data-testid="lab-error">
          {error.block}: {error.message}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul data-testid="lab-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      <div className="lab-plots">
        {images ? (
          imageSet && imageReport && validation ? (
            <>
              <ConfusionMatrix confusion={imageReport.confusion} labels={imageSet.labels} />
              <Misclassified
                items={imageReport.misclassified}
                validation={validation}
                size={imageSet.size}
                labels={imageSet.labels}
              />
            </>
          ) : null
        ) : (
          <Boundary
            boundary={boundary?.cells ?? null}
            resolution={boundary?.resolution ?? 1}
            train={train}
            canvasRef={canvas}
          />
        )}
        <Chart
          title="Loss"
          records={records}
          pinned={pinned?.records ?? null}
          series={lossSeries}
          testId="loss-chart"
        />
        <Chart
          title="Accuracy"
          records={records}
          pinned={pinned?.records ?? null}
          series={accuracySeries}
          testId="accuracy-chart"
        />
      </div>
    </div>
  );
}
