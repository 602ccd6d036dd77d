import { createRandom, type Random } from '@gradlab/kernels';
import { classCount, isImageSet, type LabSetup } from './setup.ts';

/**
 * The lab's datasets, drawn from the set-up's seed (the same set-up gives the same examples
 * everywhere), shuffled and split into training and validation examples. 2-D points: spiral
 * arms, two circles, XOR quadrants, Gaussian blobs, two moons, each with Gaussian noise. Images:
 * small grayscale shapes drawn by code at a random place and size, with noise on every pixel.
 */

export interface Points {
  /** the examples one after the other: x then y of a point, or an image's pixels row by row */
  x: Float64Array;
  /** class per example */
  y: Int32Array;
}

export interface Dataset {
  train: Points;
  validation: Points;
  classes: number;
  /** the shape of one example: [2] for a point, [channels, height, width] for an image */
  shape: number[];
  /** what each class is, for the page (image sets) */
  labels: string[];
}

/** The side of the shapes' images, in pixels. */
export const IMAGE_SIZE = 16;

/** The shapes, in class order (a set with k classes uses the first k). */
export const shapeNames = ['circle', 'square', 'triangle', 'cross', 'bar'] as const;

export function makeDataset(setup: LabSetup): Dataset {
  return isImageSet(setup) ? makeShapes(setup) : makePoints(setup);
}

function makePoints(setup: LabSetup): Dataset {
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
      default:
        throw new Error(`${setup.dataset} is not a set of 2-D points`);
    }
    x[2 * i] = px;
    x[2 * i + 1] = py;
    y[i] = c;
  }
  return { ...split(x, y, 2, setup.validation, random), classes, shape: [2], labels: [] };
}

/** Shuffles the examples (`size` numbers each), then holds out the validation share. */
function split(
  x: Float64Array,
  y: Int32Array,
  size: number,
  validation: number,
  random: Random,
): { train: Points; validation: Points } {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const nValidation = Math.max(1, Math.round(n * validation));
  const take = (indices: number[]): Points => {
    const px = new Float64Array(size * indices.length);
    const py = new Int32Array(indices.length);
    for (const [k, i] of indices.entries()) {
      px.set(x.subarray(size * i, size * (i + 1)), size * k);
      py[k] = y[i] ?? 0;
    }
    return { x: px, y: py };
  };
  return { train: take(order.slice(nValidation)), validation: take(order.slice(0, nValidation)) };
}

/** Whether the point (u, v), relative to a shape's centre, lies on a shape of class `c` and size r. */
function onShape(c: number, u: number, v: number, r: number, upright: boolean): boolean {
  // strokes about 1.6 pixels wide: thin enough to keep the shapes apart, thick enough to survive noise
  const half = 0.8;
  switch (c) {
    case 0:
      return Math.abs(Math.hypot(u, v) - r) <= half;
    case 1:
      return Math.abs(Math.max(Math.abs(u), Math.abs(v)) - r) <= half;
    case 2:
      // filled, apex up: it widens from the apex at v = -r to a base at v = 0.8 r
      return v >= -r && v <= 0.8 * r && Math.abs(u) <= (v + r) / 1.8;
    case 3:
      return (Math.abs(u) <= half && Math.abs(v) <= r) || (Math.abs(v) <= half && Math.abs(u) <= r);
    default:
      // a bar, upright or lying
      return upright ? Math.abs(u) <= half && Math.abs(v) <= r : Math.abs(v) <= half && Math.abs(u) <= r;
  }
}

/**
 * The shapes: IMAGE_SIZE x IMAGE_SIZE grayscale images of one shape each, dark background, a
 * random size, place and brightness, drawn with 3x3 samples per pixel (soft edges), then Gaussian
 * noise of standard deviation `noise` on every pixel. The classes take turns, so they are balanced.
 */
function makeShapes(setup: LabSetup): Dataset {
  const random = createRandom(setup.seed);
  const classes = classCount(setup);
  const n = setup.points;
  const size = IMAGE_SIZE;
  const pixels = size * size;
  const x = new Float64Array(n * pixels);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const r = 3 + random.nextFloat() * 3;
    // the centre keeps the whole shape inside the image
    const cx = r + 1 + random.nextFloat() * (size - 2 * r - 2);
    const cy = r + 1 + random.nextFloat() * (size - 2 * r - 2);
    const brightness = 0.6 + 0.4 * random.nextFloat();
    const upright = random.nextFloat() < 0.5;
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++) {
        let covered = 0;
        for (let a = 0; a < 3; a++)
          for (let b = 0; b < 3; b++)
            if (onShape(c, col + (b + 0.5) / 3 - cx, row + (a + 0.5) / 3 - cy, r, upright)) covered += 1;
        x[i * pixels + row * size + col] = (brightness * covered) / 9 + random.nextGaussian() * setup.noise;
      }
    y[i] = c;
  }
  return {
    ...split(x, y, pixels, setup.validation, random),
    classes,
    shape: [1, size, size],
    labels: shapeNames.slice(0, classes),
  };
}
