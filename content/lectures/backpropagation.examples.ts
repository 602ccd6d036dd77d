import { centredDifference, forwardDifference, relativeError } from '@gradlab/kernels';
import {
  addRow,
  get,
  type Mat,
  map,
  matmul,
  mean,
  mul,
  scale,
  sigmoid,
  sub,
  sumAll,
  sumRows,
  transpose,
  type Vec,
  zip,
} from './examples/_math.ts';

/**
 * A scalar reverse-mode autodiff in the style of micrograd: each operation records its inputs
 * and a backward rule (local derivative times upstream gradient). The lecture's graph examples
 * are computed with it.
 */
export class Value {
  grad = 0;
  constructor(
    readonly data: number,
    readonly parents: Value[] = [],
    readonly backwardRule: (out: Value) => void = () => {},
    readonly label = '',
  ) {}
  add(o: Value): Value {
    return new Value(this.data + o.data, [this, o], (out) => {
      this.grad += out.grad;
      o.grad += out.grad;
    });
  }
  mul(o: Value): Value {
    return new Value(this.data * o.data, [this, o], (out) => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    });
  }
  sigmoid(): Value {
    const s = sigmoid(this.data);
    return new Value(s, [this], (out) => {
      this.grad += s * (1 - s) * out.grad;
    });
  }
  /** Reverse mode: visit nodes in reverse topological order, seeding d(self)/d(self) = 1. */
  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const p of v.parents) visit(p);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (const v of order.reverse()) v.backwardRule(v);
  }
}

/** f = (x + y) z */
export function addMul(x0: number, y0: number, z0: number) {
  const x = new Value(x0);
  const y = new Value(y0);
  const z = new Value(z0);
  const q = x.add(y);
  const f = q.mul(z);
  f.backward();
  return { x: x0, y: y0, z: z0, q: q.data, f: f.data, dq: q.grad, dx: x.grad, dy: y.grad, dz: z.grad };
}

export const graph1 = addMul(3, -1, -2);

/** a sigmoid neuron f = sigma(w0 x0 + w1 x1 + w2) */
export function neuron(w: Vec, x: Vec) {
  const wv = w.map((v) => new Value(v));
  const xv = x.map((v) => new Value(v));
  const [w0, w1, w2] = wv as [Value, Value, Value];
  const [x0, x1] = xv as [Value, Value];
  const s = w0.mul(x0).add(w1.mul(x1)).add(w2);
  const f = s.sigmoid();
  f.backward();
  return {
    w,
    x,
    s: s.data,
    f: f.data,
    local: f.data * (1 - f.data),
    dw: wv.map((v) => v.grad),
    dx: xv.map((v) => v.grad),
  };
}

export const graph2 = neuron([2, -1, -3], [1, 0.5]);

/** The affine layer Y = X W + b with an upstream gradient dY. */
export function affineForward(X: Mat, W: Mat, b: Vec): Mat {
  return addRow(matmul(X, W), b);
}

export function affineBackward(X: Mat, W: Mat, dY: Mat): { dX: Mat; dW: Mat; db: Vec } {
  return { dX: matmul(dY, transpose(W)), dW: matmul(transpose(X), dY), db: sumRows(dY) };
}

export const affine = (() => {
  const X = [
    [1, -2, 0.5],
    [0, 3, -1],
  ];
  const W = [
    [0.2, -0.5],
    [1, 0.3],
    [-0.4, 0.8],
  ];
  const b = [0.1, -0.2];
  const dY = [
    [1, -1],
    [0.5, 2],
  ];
  const Y = affineForward(X, W, b);
  return { X, W, b, dY, Y, ...affineBackward(X, W, dY) };
})();

/** A two-layer network with ReLU and mean squared error, one SGD step. */
export const mlp = (() => {
  const X = [
    [1, 2],
    [-1, 0.5],
  ];
  const t = [[1], [0]];
  const W1 = [
    [0.5, -0.3, 0.8],
    [0.2, 0.4, -0.6],
  ];
  const b1 = [0, 0.1, 0.2];
  const W2 = [[1], [-1], [0.5]];
  const b2 = [0.1];
  const lr = 0.1;
  const forward = (w1: Mat, c1: Vec, w2: Mat, c2: Vec) => {
    const Z = affineForward(X, w1, c1);
    const H = map(Z, (v) => Math.max(0, v));
    const Yhat = affineForward(H, w2, c2);
    const diff = sub(Yhat, t);
    const loss = mean(diff.map((r) => 0.5 * get(r, 0) ** 2)); // the course's MSE keeps the 1/2
    return { Z, H, Yhat, diff, loss };
  };
  const fwd = forward(W1, b1, W2, b2);
  const n = X.length;
  const dYhat = scale(fwd.diff, 1 / n); // the 1/N of the mean lives here, in the loss; the 1/2 cancels the 2
  const back2 = affineBackward(fwd.H, W2, dYhat);
  const dZ = zip(back2.dX, fwd.Z, (g, z) => (z > 0 ? g : 0)); // ReLU'(0) = 0
  const back1 = affineBackward(X, W1, dZ);
  const W1new = zip(W1, back1.dW, (w, g) => w - lr * g);
  const b1new = b1.map((v, j) => v - lr * get(back1.db, j));
  const W2new = zip(W2, back2.dW, (w, g) => w - lr * g);
  const b2new = b2.map((v, j) => v - lr * get(back2.db, j));
  const after = forward(W1new, b1new, W2new, b2new);
  return {
    X,
    t,
    W1,
    b1,
    W2,
    b2,
    lr,
    ...fwd,
    dYhat,
    dH: back2.dX,
    dW2: back2.dW,
    db2: back2.db,
    dZ,
    dW1: back1.dW,
    db1: back1.db,
    dX: back1.dX,
    W1new,
    W2new,
    lossAfter: after.loss,
    forward,
  };
})();

/** The loss of the two-layer example as a function of W1 alone (for gradient checks). */
export function mlpLossOfW1(W1: Mat): number {
  return mlp.forward(W1, mlp.b1, mlp.W2, mlp.b2).loss;
}

/** Numeric gradient checking: one-sided versus centred differences on the sigmoid neuron. */
export const gradCheck = (() => {
  const f = (w0: number) => sigmoid(w0 * 1 + -1 * 0.5 + -3);
  const analytic = get(graph2.dw, 0);
  const hs = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8, 1e-10];
  const w0 = get(graph2.w, 0);
  const rel = relativeError; // the course's one definition, from the engine
  const rows = hs.map((h) => {
    const forward = forwardDifference(f(w0 + h), f(w0), h);
    const centred = centredDifference(f(w0 + h), f(w0 - h), h);
    return { h, forward, centred, relForward: rel(forward, analytic), relCentred: rel(centred, analytic) };
  });
  return { analytic, rows };
})();

/** How big a full Jacobian of an affine layer would be. */
export const jacobianSize = (() => {
  const n = 64;
  const d = 4096;
  const m = 4096;
  const entries = n * m * (n * d);
  return { n, d, m, entries, gigabytes: (entries * 4) / 1e9, vjpEntries: n * d };
})();

/** The chain rule along a path: f(w) = w^32 by five squarings, derivative 32 w^31. */
export const repeatedSquaring = (() => {
  const w = 1.01;
  let v = w;
  let d = 1;
  const values = [v];
  for (let k = 0; k < 5; k++) {
    d = 2 * v * d; // d(v^2)/dw = 2 v dv/dw
    v = v * v;
    values.push(v);
  }
  return { w, values, derivative: d, closedForm: 32 * w ** 31 };
})();

/** Element-wise product used by the tests: sum(Y * G) has gradient G with respect to Y. */
export function weightedSum(Y: Mat, G: Mat): number {
  return sumAll(mul(Y, G));
}
