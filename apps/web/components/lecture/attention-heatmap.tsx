'use client';

import * as Plot from '@observablehq/plot';
import { useId, useMemo, useState } from 'react';
import { attend } from './attention.ts';
import { formatNumber } from './format.ts';
import { PlotView } from './plot-view.tsx';

const tokens = ['I', 'like', 'deep', 'nets'];
const initialQ = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 1],
];
const initialK = [
  [1, 0],
  [0, 1],
  [1, 1],
  [0.5, -1],
];
const V = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 0],
];

/** Lecture 9: attention weights softmax(Q K^T / sqrt(d_k)) as a heatmap, with editable queries and keys. */
export function AttentionHeatmap() {
  const id = useId();
  const [Q, setQ] = useState(initialQ);
  const [K, setK] = useState(initialK);
  const [causal, setCausal] = useState(false);
  const [sharpness, setSharpness] = useState(1);

  const scaledQ = useMemo(() => Q.map((row) => row.map((v) => v * sharpness)), [Q, sharpness]);
  const { weights, out } = useMemo(() => attend(scaledQ, K, V, causal), [scaledQ, K, causal]);

  const options = useMemo<Plot.PlotOptions>(() => {
    const cells = weights.flatMap((row, i) =>
      row.map((w, j) => ({ query: tokens[i] ?? '', key: tokens[j] ?? '', w })),
    );
    return {
      width: 420,
      height: 320,
      marginLeft: 60,
      marginTop: 48,
      x: { domain: tokens, label: 'key (attended to)', axis: 'top' },
      y: { domain: tokens, label: 'query' },
      color: { type: 'linear', domain: [0, 1], range: ['#ffffff', '#1f5fbf'], legend: true, label: 'weight' },
      marks: [
        Plot.cell(cells, { x: 'key', y: 'query', fill: 'w', stroke: '#c9ced6', inset: 0.5 }),
        Plot.text(cells, {
          x: 'key',
          y: 'query',
          text: (d: { w: number }) => formatNumber(d.w, 2, false),
          fill: (d: { w: number }) => (d.w > 0.55 ? '#ffffff' : '#1c1f24'),
        }),
      ],
    };
  }, [weights]);

  const edit = (which: 'Q' | 'K', i: number, j: number, value: number) => {
    const m = which === 'Q' ? Q : K;
    const next = m.map((row, a) => row.map((v, b) => (a === i && b === j ? value : v)));
    (which === 'Q' ? setQ : setK)(next);
  };

  const matrixInputs = (which: 'Q' | 'K', m: number[][]) => (
    <fieldset>
      <legend>{which === 'Q' ? 'Queries Q' : 'Keys K'}</legend>
      {m.map((row, i) => (
        <div key={tokens[i]}>
          <span className="muted">{tokens[i]}: </span>
          {row.map((v, j) => (
            <label
              // biome-ignore lint/suspicious/noArrayIndexKey: the two components of a vector have no other identity
              key={`${which}-${tokens[i]}-${j}`}
              className="lec-small-input"
              htmlFor={`${id}-${which}-${i}-${j}`}
            >
              <span className="lec-visually-hidden">{`${which} ${tokens[i]} component ${j + 1}`}</span>
              <input
                id={`${id}-${which}-${i}-${j}`}
                type="number"
                step={0.5}
                value={v}
                onChange={(e) => {
                  const x = Number(e.target.value);
                  if (Number.isFinite(x)) edit(which, i, j, x);
                }}
              />
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );

  return (
    <figure className="lec-figure" data-testid="attention-heatmap">
      <div className="lec-controls">
        {matrixInputs('Q', Q)}
        {matrixInputs('K', K)}
      </div>
      <div className="lec-controls">
        <label className="lec-check" htmlFor={`${id}-causal`}>
          <input
            id={`${id}-causal`}
            type="checkbox"
            checked={causal}
            onChange={(e) => setCausal(e.target.checked)}
          />{' '}
          Causal mask
        </label>
        <label htmlFor={`${id}-sharp`}>
          Query scale <output htmlFor={`${id}-sharp`}>{formatNumber(sharpness, 1)}</output>
          <input
            id={`${id}-sharp`}
            type="range"
            min={0}
            max={5}
            step={0.1}
            value={sharpness}
            onChange={(e) => setSharpness(Number(e.target.value))}
          />
        </label>
      </div>
      <PlotView options={options} label="Heatmap of attention weights, queries as rows and keys as columns" />
      <table className="lec-table" aria-live="polite">
        <caption>Attention weights (rows sum to 1) and outputs, the weighted average of the values V</caption>
        <thead>
          <tr>
            <th scope="col">query</th>
            {tokens.map((t) => (
              <th key={t} scope="col">
                {t}
              </th>
            ))}
            <th scope="col">output</th>
          </tr>
        </thead>
        <tbody data-testid="attention-weights">
          {weights.map((row, i) => (
            <tr key={tokens[i]}>
              <th scope="row">{tokens[i]}</th>
              {row.map((w, j) => (
                <td key={tokens[j]}>{formatNumber(w, 3, false)}</td>
              ))}
              <td>({(out[i] ?? []).map((v) => formatNumber(v, 3)).join(', ')})</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        Attention heatmap: softmax(Q Kᵀ / √2) for four tokens with two-dimensional queries and keys. The
        values are V = (1, 0), (0, 1), (1, 1), (−1, 0). Raise the query scale to sharpen the softmax; the
        causal mask hides later tokens. The table repeats the weights as text.
      </figcaption>
    </figure>
  );
}
