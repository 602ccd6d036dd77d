'use client';

import * as Plot from '@observablehq/plot';
import { useId, useMemo, useState } from 'react';
import { convolve, edgeKernel, sampleInput } from './conv.ts';
import { PlotView } from './plot-view.tsx';

interface Cell {
  row: number;
  col: number;
  value: number;
  kind: string;
}

function gridPlot(cells: Cell[], size: number, kinds: string[], colors: string[]): Plot.PlotOptions {
  const px = Math.min(36, Math.floor(300 / Math.max(size, 1)));
  return {
    width: size * px + 30,
    height: size * px + 30,
    margin: 15,
    x: { axis: null, domain: Array.from({ length: size }, (_, i) => i) },
    y: { axis: null, domain: Array.from({ length: size }, (_, i) => i) },
    color: { domain: kinds, range: colors },
    marks: [
      Plot.cell(cells, { x: 'col', y: 'row', fill: 'kind', stroke: '#5a6270', strokeWidth: 0.5, inset: 0.5 }),
      Plot.text(cells, {
        x: 'col',
        y: 'row',
        text: (d: Cell) => String(d.value),
        fill: '#1c1f24',
        fontSize: 12,
      }),
    ],
  };
}

/** Lecture 7: input size, kernel, stride and padding -> output size, with the sliding window. */
export function ConvExplorer() {
  const id = useId();
  const [n, setN] = useState(6);
  const [k, setK] = useState(3);
  const [stride, setStride] = useState(1);
  const [pad, setPad] = useState(0);
  const [position, setPosition] = useState(0);

  const input = useMemo(() => sampleInput(n), [n]);
  const kernel = useMemo(() => edgeKernel(k), [k]);
  const result = useMemo(() => convolve(input, kernel, stride, pad), [input, kernel, stride, pad]);
  const outCount = Math.max(0, result.size) ** 2;
  const pos = Math.min(position, Math.max(0, outCount - 1));
  const oi = result.size > 0 ? Math.floor(pos / result.size) : 0;
  const oj = result.size > 0 ? pos % result.size : 0;
  const paddedSize = n + 2 * pad;
  const exact = (n - k + 2 * pad) / stride;

  const inputOptions = useMemo(() => {
    const cells: Cell[] = result.padded.flatMap((row, i) =>
      row.map((value, j) => {
        const inWindow =
          result.size > 0 &&
          i >= oi * stride &&
          i < oi * stride + k &&
          j >= oj * stride &&
          j < oj * stride + k;
        const isPad = i < pad || j < pad || i >= n + pad || j >= n + pad;
        return { row: i, col: j, value, kind: inWindow ? 'window' : isPad ? 'padding' : 'input' };
      }),
    );
    return gridPlot(cells, paddedSize, ['input', 'padding', 'window'], ['#ffffff', '#e2e4e8', '#bcd3f5']);
  }, [result, oi, oj, stride, k, pad, n, paddedSize]);

  const outputOptions = useMemo(() => {
    const cells: Cell[] = result.output.flatMap((row, i) =>
      row.map((value, j) => ({ row: i, col: j, value, kind: i === oi && j === oj ? 'current' : 'output' })),
    );
    return gridPlot(cells, Math.max(result.size, 1), ['output', 'current'], ['#ffffff', '#bcd3f5']);
  }, [result, oi, oj]);

  const slider = (
    label: string,
    key: string,
    value: number,
    min: number,
    max: number,
    set: (v: number) => void,
  ) => (
    <label htmlFor={`${id}-${key}`}>
      {label} <output htmlFor={`${id}-${key}`}>{value}</output>
      <input
        id={`${id}-${key}`}
        type="range"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => {
          set(Number(e.target.value));
          setPosition(0);
        }}
      />
    </label>
  );

  return (
    <figure className="lec-figure" data-testid="conv-explorer">
      <div className="lec-controls">
        {slider('Input size', 'n', n, 3, 9, setN)}
        {slider('Kernel size', 'k', k, 1, 5, setK)}
        {slider('Stride', 's', stride, 1, 3, setStride)}
        {slider('Padding', 'p', pad, 0, 2, setPad)}
        <label htmlFor={`${id}-pos`}>
          Output position <output htmlFor={`${id}-pos`}>{result.size > 0 ? `(${oi}, ${oj})` : 'none'}</output>
          <input
            id={`${id}-pos`}
            type="range"
            min={0}
            max={Math.max(0, outCount - 1)}
            step={1}
            value={pos}
            disabled={outCount === 0}
            onChange={(e) => setPosition(Number(e.target.value))}
          />
        </label>
      </div>
      <p aria-live="polite" data-testid="conv-readout">
        {result.size > 0
          ? `Output size ⌊(${n} − ${k} + 2·${pad}) / ${stride}⌋ + 1 = ${result.size}, so the output is ${result.size} × ${result.size}.`
          : `The kernel (${k}) is larger than the padded input (${paddedSize}): no output.`}
        {result.size > 0 && !Number.isInteger(exact)
          ? ` The stride does not fit exactly: the last ${(n - k + 2 * pad) % stride} row(s) and column(s) of the padded input are never covered.`
          : ''}
      </p>
      <div className="lec-grids">
        <div>
          <p className="muted">
            Padded input ({paddedSize} × {paddedSize}); the window for output ({oi}, {oj}) is highlighted
          </p>
          <PlotView
            options={inputOptions}
            label={`Padded input grid of size ${paddedSize} with the current window`}
          />
        </div>
        <div>
          <p className="muted">
            Output ({Math.max(result.size, 0)} × {Math.max(result.size, 0)}), kernel: +1 left column, −1 right
            column
          </p>
          <PlotView options={outputOptions} label={`Output grid of size ${Math.max(result.size, 0)}`} />
        </div>
      </div>
      <figcaption>
        Convolution explorer. The input holds small integers; the kernel is a {k} × {k} vertical-edge
        detector. Each output value is the sum of the highlighted window times the kernel. The sentence above
        the grids gives the output size for the current settings.
      </figcaption>
    </figure>
  );
}
