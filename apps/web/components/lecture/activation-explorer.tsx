'use client';

import * as Plot from '@observablehq/plot';
import { useId, useMemo, useState } from 'react';
import { type ActivationId, activationIds, activations } from './activations.ts';
import { formatNumber } from './format.ts';
import { PlotView } from './plot-view.tsx';

/** Lecture 5: an activation function and its derivative, with a probe point. */
export function ActivationExplorer() {
  const id = useId();
  const [which, setWhich] = useState<ActivationId>('sigmoid');
  const [x, setX] = useState(1);
  const [alpha, setAlpha] = useState(0.1);
  const act = activations[which];
  const fx = act.f(x, alpha);
  const dfx = act.df(x, alpha);

  const options = useMemo<Plot.PlotOptions>(() => {
    const xs = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);
    const data = xs.flatMap((t) => [
      { x: t, y: act.f(t, alpha), curve: 'f(x)' },
      { x: t, y: act.df(t, alpha), curve: "f'(x)" },
    ]);
    return {
      width: 640,
      height: 300,
      x: { domain: [-6, 6], label: 'x' },
      y: { domain: [-1.5, 3], label: null, grid: true },
      color: { domain: ['f(x)', "f'(x)"], range: ['#1f5fbf', '#c2410c'], legend: true },
      marks: [
        Plot.ruleY([0], { stroke: '#8a93a3' }),
        Plot.ruleX([0], { stroke: '#8a93a3' }),
        Plot.line(data, { x: 'x', y: 'y', z: 'curve', stroke: 'curve', strokeWidth: 2, clip: true }),
        Plot.ruleX([x], { stroke: '#1c1f24', strokeDasharray: '4 3' }),
        Plot.dot(
          [
            { x, y: fx, curve: 'f(x)' },
            { x, y: dfx, curve: "f'(x)" },
          ],
          { x: 'x', y: 'y', fill: 'curve', r: 4, clip: true },
        ),
      ],
    };
  }, [act, alpha, x, fx, dfx]);

  return (
    <figure className="lec-figure" data-testid="activation-explorer">
      <div className="lec-controls">
        <label htmlFor={`${id}-act`}>
          Activation{' '}
          <select id={`${id}-act`} value={which} onChange={(e) => setWhich(e.target.value as ActivationId)}>
            {activationIds.map((a) => (
              <option key={a} value={a}>
                {activations[a].name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-x`}>
          Input x <output htmlFor={`${id}-x`}>{formatNumber(x, 2)}</output>
          <input
            id={`${id}-x`}
            type="range"
            min={-6}
            max={6}
            step={0.1}
            value={x}
            onChange={(e) => setX(Number(e.target.value))}
          />
        </label>
        {act.usesAlpha ? (
          <label htmlFor={`${id}-alpha`}>
            α <output htmlFor={`${id}-alpha`}>{formatNumber(alpha, 2)}</output>
            <input
              id={`${id}-alpha`}
              type="range"
              min={0}
              max={1}
              step={0.01}
              value={alpha}
              onChange={(e) => setAlpha(Number(e.target.value))}
            />
          </label>
        ) : null}
      </div>
      <PlotView options={options} label={`${act.name} and its derivative for x from -6 to 6`} />
      <p aria-live="polite" data-testid="activation-readout">
        {act.name}: f({formatNumber(x, 2)}) = {formatNumber(fx, 4)}, f′({formatNumber(x, 2)}) ={' '}
        {formatNumber(dfx, 4)}
      </p>
      <figcaption>
        The chosen activation (blue) and its derivative (orange) on [−6, 6]; the dashed line marks the probe
        input, whose values are given above. Where the derivative is near zero, almost no gradient flows back.
      </figcaption>
    </figure>
  );
}
