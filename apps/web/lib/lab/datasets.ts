import { createRandom } from '@gradlab/kernels';
import { classCount, type LabSetup } from './setup.ts';

/**
 * The lab's 2-D datasets, drawn from the set-up's seed (the same set-up gives the same points
 * everywhere): spiral arms, two circles, XOR quadrants, Gaussian blobs, two moons, each with
 * Gaussian noise, shuffled and split into training and validation points.
 */

export interface Points {
  /** coordinates, x then y per point */
  x: Float64Array;
  /** class per point */
  y: Int32Array;
}

export interface Dataset {
  train: Points;
  validation: Points;
  classes: number;
}

export function makeDataset(setup: LabSetup): Dataset {
  const random = createRandom(setup.seed);
  const classes = classCount(setup);
  const n = setup.points;
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  const noise = () => random.nextGaussian() * setup.noise;
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const t = random.nextFloat();
    let px: number;
    let py: number;
    switch (setup.dataset) {
      case 'spiral': {
        // arm c: radius grows with t, angle turns with it
        const r = t;
        const angle = (c * 2 * Math.PI) / classes + t * 4;
        px = r * Math.cos(angle) + noise() * 0.5;
        py = r * Math.sin(angle) + noise() * 0.5;
        break;
      }
      case 'circles': {
        const r = c === 0 ? 0.35 : 0.85;
        const angle = t * 2 * Math.PI;
        px = r * Math.cos(angle) + noise() * 0.5;
        py = r * Math.sin(angle) + noise() * 0.5;
        break;
      }
      case 'xor': {
        px = random.nextFloat() * 2 - 1;
        py = random.nextFloat() * 2 - 1;
        y[i] = px * py > 0 ? 0 : 1;
        px += noise() * 0.5;
        py += noise() * 0.5;
        x[2 * i] = px;
        x[2 * i + 1] = py;
        continue;
      }
      case 'blobs': {
        const angle = (c * 2 * Math.PI) / classes;
        px = 0.6 * Math.cos(angle) + noise() + random.nextGaussian() * 0.15;
        py = 0.6 * Math.sin(angle) + noise() + random.nextGaussian() * 0.15;
        break;
      }
      case 'moons': {
        const angle = t * Math.PI;
        px = c === 0 ? Math.cos(angle) - 0.5 : 0.5 - Math.cos(angle);
        py = c === 0 ? Math.sin(angle) - 0.25 : 0.25 - Math.sin(angle);
        px = px * 0.8 + noise() * 0.5;
        py = py * 0.8 + noise() * 0.5;
        break;
      }
    }
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = c;
  }
  // shuffle, then hold out the validation share
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const nValidation = Math.max(1, Math.round(n * setup.validation));
  const take = (indices: number[]): Points => {
    const px = new Float64Array(2 * indices.length);
    const py = new Int32Array(indices.length);
    for (const [k, i] of indices.entries()) {
      px[2 * k] = x[2 * i] ?? 0;
      px[2 * k + 1] = x[2 * i + 1] ?? 0;
      py[k] = y[i] ?? 0;
    }
    return { x: px, y: py };
  };
  return {
    train: take(order.slice(nValidation)),
    validation: take(order.slice(0, nValidation)),
    classes,
  };
}
