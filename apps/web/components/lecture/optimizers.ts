/**
 * The optimizer playground's arithmetic: 2-D test surfaces and the update rules of lecture 3,
 * in the course's conventions (momentum: v = rho v - lr g; x += v).
 */

export type Point = readonly [number, number];

export interface Surface {
  id: SurfaceId;
  name: string;
  f: (x: number, y: number) => number;
  grad: (x: number, y: number) => Point;
  start: Point;
  domain: { x: Point; y: Point };
  /** a learning rate at which plain gradient descent makes progress */
  lr: number;
  minimum: string;
}

export type SurfaceId = 'quadratic' | 'saddle' | 'rosenbrock';

export const surfaces: Record<SurfaceId, Surface> = {
  quadratic: {
    id: 'quadratic',
    name: 'ill-conditioned quadratic',
    f: (x, y) => 0.5 * (x * x + 20 * y * y),
    grad: (x, y) => [x, 20 * y],
    start: [-4.5, 1.5],
    domain: { x: [-5, 5], y: [-2, 2] },
    lr: 0.05,
    minimum: 'f(x, y) = (x² + 20 y²) / 2, minimum 0 at (0, 0), condition number 20',
  },
  saddle: {
    id: 'saddle',
    name: 'saddle',
    f: (x, y) => x * x - y * y + 0.25 * y ** 4,
    grad: (x, y) => [2 * x, -2 * y + y ** 3],
    start: [2.5, 0.001],
    domain: { x: [-3, 3], y: [-2.5, 2.5] },
    lr: 0.05,
    minimum: 'f(x, y) = x² − y² + y⁴/4, a saddle at (0, 0), minima −1 at (0, ±√2)',
  },
  rosenbrock: {
    id: 'rosenbrock',
    name: 'Rosenbrock valley',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    start: [-1.5, 2],
    domain: { x: [-2, 2], y: [-1, 3] },
    lr: 0.001,
    minimum: 'f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1) at the end of a curved valley',
  },
};

export type OptimizerId = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam';

export const optimizerNames: Record<OptimizerId, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export const optimizerIds = Object.keys(optimizerNames) as OptimizerId[];

export interface Hyper {
  lr: number;
  rho: number;
}

/** Runs one optimizer from the surface's start; stops early if the iterate leaves the plane. */
export function trajectory(surface: Surface, id: OptimizerId, h: Hyper, steps: number): Point[] {
  const eps = 1e-8;
  const beta1 = h.rho;
  const beta2 = 0.999;
  const decay = 0.99;
  let [x, y] = surface.start;
  let vx = 0;
  let vy = 0;
  let sx = 0;
  let sy = 0;
  const path: Point[] = [[x, y]];
  for (let t = 1; t <= steps; t++) {
    if (id === 'nesterov') {
      const [gx, gy] = surface.grad(x + h.rho * vx, y + h.rho * vy);
      vx = h.rho * vx - h.lr * gx;
      vy = h.rho * vy - h.lr * gy;
      x += vx;
      y += vy;
    } else {
      const [gx, gy] = surface.grad(x, y);
      if (id === 'sgd') {
        x -= h.lr * gx;
        y -= h.lr * gy;
      } else if (id === 'momentum') {
        vx = h.rho * vx - h.lr * gx;
        vy = h.rho * vy - h.lr * gy;
        x += vx;
        y += vy;
      } else if (id === 'adagrad') {
        sx += gx * gx;
        sy += gy * gy;
        x -= (h.lr * gx) / (Math.sqrt(sx) + eps);
        y -= (h.lr * gy) / (Math.sqrt(sy) + eps);
      } else if (id === 'rmsprop') {
        sx = decay * sx + (1 - decay) * gx * gx;
        sy = decay * sy + (1 - decay) * gy * gy;
        x -= (h.lr * gx) / (Math.sqrt(sx) + eps);
        y -= (h.lr * gy) / (Math.sqrt(sy) + eps);
      } else {
        vx = beta1 * vx + (1 - beta1) * gx;
        vy = beta1 * vy + (1 - beta1) * gy;
        sx = beta2 * sx + (1 - beta2) * gx * gx;
        sy = beta2 * sy + (1 - beta2) * gy * gy;
        const c1 = 1 - beta1 ** t;
        const c2 = 1 - beta2 ** t;
        x -= (h.lr * (vx / c1)) / (Math.sqrt(sx / c2) + eps);
        y -= (h.lr * (vy / c1)) / (Math.sqrt(sy / c2) + eps);
      }
    }
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e6 || Math.abs(y) > 1e6) break;
    path.push([x, y]);
  }
  return path;
}
