'use client';

import * as Plot from '@observablehq/plot';
import { useId, useMemo, useState } from 'react';
import { formatNumber } from './format.ts';
import {
  type OptimizerId,
  optimizerIds,
  optimizerNames,
  type SurfaceId,
  surfaces,
  trajectory,
} from './optimizers.ts';
import { PlotView } from './plot-view.tsx';

const colors: Record<OptimizerId, string> = {
  sgd: '#1f5fbf',
  momentum: '#c2410c',
  nesterov: '#7e22ce',
  adagrad: '#047857',
  rmsprop: '#b91c1c',
  adam: '#334155',
};

/** Lecture 3: trajectories of six optimizers on three 2-D surfaces, computed live. */
export function OptimizerPlayground() {
  const id = useId();
  const [surfaceId, setSurfaceId] = useState<SurfaceId>('quadratic');
  const surface = surfaces[surfaceId];
  const [logLr, setLogLr] = useState(Math.log10(surface.lr));
  const [rho, setRho] = useState(0.9);
  const [steps, setSteps] = useState(100);
  const [shown, setShown] = useState<Record<OptimizerId, boolean>>({
    sgd: true,
    momentum: true,
    nesterov: false,
    adagrad: false,
    rmsprop: true,
    adam: true,
  });
  const lr = 10 ** logLr;

  const paths = useMemo(
    () =>
      optimizerIds
        .filter((o) => shown[o])
        .map((o) => ({ id: o, path: trajectory(surface, o, { lr, rho }, steps) })),
    [surface, shown, lr, rho, steps],
  );

  const options = useMemo<Plot.PlotOptions>(() => {
    const points = paths.flatMap(({ id: o, path }) =>
      path.map(([x, y], k) => ({ x, y, k, optimizer: optimizerNames[o] })),
    );
    const [x1, x2] = surface.domain.x;
    const [y1, y2] = surface.domain.y;
    const names = paths.map((p) => optimizerNames[p.id]);
    return {
      width: 640,
      height: 400,
      x: { domain: [x1, x2], label: 'x' },
      y: { domain: [y1, y2], label: 'y' },
      color: { domain: names, range: paths.map((p) => colors[p.id]), legend: true },
      marks: [
        Plot.contour({
          x1,
          x2,
          y1,
          y2,
          value: (x: number, y: number) => Math.log1p(surface.f(x, y) - (surfaceId === 'saddle' ? -1 : 0)),
          thresholds: 18,
          stroke: '#9aa3b2',
          strokeOpacity: 0.7,
          fill: null,
        }),
        Plot.line(points, {
          x: 'x',
          y: 'y',
          z: 'optimizer',
          stroke: 'optimizer',
          strokeWidth: 2,
          clip: true,
        }),
        Plot.dot([{ x: surface.start[0], y: surface.start[1] }], { x: 'x', y: 'y', r: 4, fill: '#1c1f24' }),
      ],
    };
  }, [paths, surface, surfaceId]);

  const results = paths.map(({ id: o, path }) => {
    const last = path.at(-1) ?? surface.start;
    const diverged = path.length < steps + 1;
    return { o, last, value: surface.f(last[0], last[1]), diverged };
  });

  return (
    <figure className="lec-figure" data-testid="optimizer-playground">
      <div className="lec-controls">
        <label htmlFor={`${id}-surface`}>
          Surface{' '}
          <select
            id={`${id}-surface`}
            value={surfaceId}
            onChange={(e) => {
              const next = e.target.value as SurfaceId;
              setSurfaceId(next);
              setLogLr(Math.log10(surfaces[next].lr));
            }}
          >
            {Object.values(surfaces).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-lr`}>
          Learning rate <output htmlFor={`${id}-lr`}>{lr.toPrecision(2)}</output>
          <input
            id={`${id}-lr`}
            type="range"
            min={-4}
            max={0}
            step={0.05}
            value={logLr}
            aria-valuetext={lr.toPrecision(2)}
            onChange={(e) => setLogLr(Number(e.target.value))}
          />
        </label>
        <label htmlFor={`${id}-rho`}>
          Momentum ρ (β₁ for Adam) <output htmlFor={`${id}-rho`}>{rho.toFixed(2)}</output>
          <input
            id={`${id}-rho`}
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={rho}
            onChange={(e) => setRho(Number(e.target.value))}
          />
        </label>
        <label htmlFor={`${id}-steps`}>
          Steps <output htmlFor={`${id}-steps`}>{steps}</output>
          <input
            id={`${id}-steps`}
            type="range"
            min={1}
            max={400}
            step={1}
            value={steps}
            onChange={(e) => setSteps(Number(e.target.value))}
          />
        </label>
        <fieldset>
          <legend>Optimizers</legend>
          {optimizerIds.map((o) => (
            <label key={o} className="lec-check">
              <input
                type="checkbox"
                checked={shown[o]}
                onChange={(e) => setShown({ ...shown, [o]: e.target.checked })}
              />{' '}
              <span className="lec-swatch" style={{ background: colors[o] }} aria-hidden="true" />
              {optimizerNames[o]}
            </label>
          ))}
        </fieldset>
      </div>
      <PlotView
        options={options}
        label={`Contour plot of the ${surface.name} with the paths of the selected optimizers`}
      />
      <table className="lec-table" aria-live="polite">
        <caption>Where each optimizer ends after {steps} steps</caption>
        <thead>
          <tr>
            <th scope="col">optimizer</th>
            <th scope="col">x</th>
            <th scope="col">y</th>
            <th scope="col">f(x, y)</th>
          </tr>
        </thead>
        <tbody data-testid="optimizer-results">
          {results.map(({ o, last, value, diverged }) => (
            <tr key={o}>
              <th scope="row">{optimizerNames[o]}</th>
              <td>{diverged ? 'diverged' : formatNumber(last[0], 3)}</td>
              <td>{diverged ? '' : formatNumber(last[1], 3)}</td>
              <td>{diverged ? '' : formatNumber(value, 5)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        Optimizer playground. {surface.minimum}. Each line is the path of one optimizer from the black dot;
        the table lists where each ends. Try a learning rate just above the stable limit, or momentum on the
        narrow valley.
      </figcaption>
    </figure>
  );
}
