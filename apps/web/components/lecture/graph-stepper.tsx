'use client';

import { useId, useMemo, useState } from 'react';
import { formatNumber } from './format.ts';
import { evaluate, type Graph, graphs } from './graphs.ts';

const firstGraph = graphs[0] as Graph;

/**
 * Lecture 4: steps through the forward pass (values) and the backward pass (gradients) of a
 * small computational graph, with editable inputs.
 */
export function GraphStepper() {
  const id = useId();
  const [graphIndex, setGraphIndex] = useState(0);
  const graph = graphs[graphIndex] ?? firstGraph;
  const [inputs, setInputs] = useState<Record<string, number>>(() =>
    Object.fromEntries(firstGraph.leaves.map((l) => [l.id, l.initial])),
  );
  const [shownSteps, setShownSteps] = useState(0);
  const evaluation = useMemo(() => evaluate(graph, inputs), [graph, inputs]);
  const total = evaluation.steps.length;
  const visible = evaluation.steps.slice(0, shownSteps);
  const forwardDone = new Set(visible.filter((s) => s.phase === 'forward').map((s) => s.id));
  const backwardDone = new Set(visible.filter((s) => s.phase === 'backward').map((s) => s.id));
  const outId = graph.nodes.at(-1)?.id ?? 'f';
  if (shownSteps > graph.nodes.length) backwardDone.add(outId);

  const positions: Record<string, [number, number]> = {};
  for (const l of graph.leaves) positions[l.id] = l.at;
  for (const n of graph.nodes) positions[n.id] = n.at;

  const show = (v: number | undefined) => formatNumber(v ?? 0, 4);
  const valueShown = (nodeId: string) => graph.leaves.some((l) => l.id === nodeId) || forwardDone.has(nodeId);

  return (
    <figure className="lec-figure" data-testid="graph-stepper">
      <div className="lec-controls">
        <label htmlFor={`${id}-graph`}>
          Graph{' '}
          <select
            id={`${id}-graph`}
            value={graphIndex}
            onChange={(e) => {
              const next = Number(e.target.value);
              setGraphIndex(next);
              setInputs(Object.fromEntries((graphs[next]?.leaves ?? []).map((l) => [l.id, l.initial])));
              setShownSteps(0);
            }}
          >
            {graphs.map((g, i) => (
              <option key={g.id} value={i}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        {graph.leaves.map((leaf) => (
          <label key={`${graph.id}-${leaf.id}`} htmlFor={`${id}-${leaf.id}`} className="lec-small-input">
            {leaf.id}{' '}
            <input
              id={`${id}-${leaf.id}`}
              type="number"
              step={0.5}
              value={inputs[leaf.id] ?? 0}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v)) setInputs({ ...inputs, [leaf.id]: v });
              }}
            />
          </label>
        ))}
      </div>
      <div className="lec-controls">
        <button
          type="button"
          onClick={() => setShownSteps(Math.max(0, shownSteps - 1))}
          disabled={shownSteps === 0}
        >
          Step back
        </button>
        <button
          type="button"
          onClick={() => setShownSteps(Math.min(total, shownSteps + 1))}
          disabled={shownSteps === total}
        >
          Step
        </button>
        <button type="button" onClick={() => setShownSteps(total)}>
          Run all
        </button>
        <button type="button" onClick={() => setShownSteps(0)}>
          Reset
        </button>
        <span className="muted">
          step {shownSteps} of {total}
        </span>
      </div>
      <svg viewBox="0 0 100 62" className="lec-graph" role="img" aria-labelledby={`${id}-caption`}>
        <title>{`Computational graph of ${graph.name}`}</title>
        {graph.nodes.flatMap((n) =>
          n.inputs.map((input) => {
            const [x1, y1] = positions[input] ?? [0, 0];
            const [x2, y2] = n.at;
            return (
              <line
                key={`${input}-${n.id}`}
                x1={x1 + 6}
                y1={y1}
                x2={x2 - 8}
                y2={y2}
                stroke="#8a93a3"
                strokeWidth={0.3}
              />
            );
          }),
        )}
        {[...graph.leaves.map((l) => ({ id: l.id, label: l.id, at: l.at })), ...graph.nodes].map((n) => (
          <g key={n.id}>
            <rect
              x={n.at[0] - 8}
              y={n.at[1] - 5}
              width={16}
              height={10}
              rx={1.5}
              fill="#ffffff"
              stroke="#5a6270"
              strokeWidth={0.3}
            />
            <text x={n.at[0]} y={n.at[1] - 1.8} textAnchor="middle" fontSize={2.6} fill="#1c1f24">
              {n.label}
            </text>
            <text x={n.at[0]} y={n.at[1] + 1.3} textAnchor="middle" fontSize={2.6} fill="#03543f">
              {valueShown(n.id) ? show(evaluation.values[n.id]) : '?'}
            </text>
            <text x={n.at[0]} y={n.at[1] + 4.1} textAnchor="middle" fontSize={2.6} fill="#9b1c1c">
              {backwardDone.has(n.id) ? `∂ ${show(evaluation.grads[n.id])}` : ''}
            </text>
          </g>
        ))}
      </svg>
      <ol
        className="lec-steps"
        aria-live="polite"
        data-testid="graph-log"
        aria-label="Steps so far"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, so keyboard users must be able to focus it
        tabIndex={0}
      >
        {visible.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only
          <li key={i} className={s.phase === 'forward' ? 'lec-forward' : 'lec-backward'}>
            {s.phase === 'forward' ? 'forward: ' : 'backward: '}
            {s.text}
          </li>
        ))}
      </ol>
      <p data-testid="graph-summary">
        f = {show(evaluation.values[outId])};{' '}
        {graph.leaves.map((l) => `∂f/∂${l.id} = ${show(evaluation.grads[l.id])}`).join(', ')}
      </p>
      <figcaption id={`${id}-caption`}>
        Computational graph of {graph.name}. Each box shows a node, its forward value (green, after the
        forward step) and ∂f/∂node (red, after the backward step). The list below narrates each step; the line
        above this caption gives the final value and every input gradient.
      </figcaption>
    </figure>
  );
}
