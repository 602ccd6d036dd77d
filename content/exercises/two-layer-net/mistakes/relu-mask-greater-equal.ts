// A known mistake: only the function that is wrong; the others come from solution.ts.
export const hint =
  "grads.w1 and grads.b1 are wrong only where a hidden pre-activation is exactly 0: this course takes ReLU'(0) = 0, so the gradient passes only where x w1 + b1 > 0, strictly.";

interface Params {
  w1: NDArray;
  b1: NDArray;
  w2: NDArray;
  b2: NDArray;
}

export function twoLayerNetLoss(x: NDArray, y: NDArray, params: Params, reg: number) {
  const { w1, b1, w2, b2 } = params;
  const n = x.shape[0] ?? 0;

  // forward: affine - ReLU - affine
  const z = x.matmul(w1).add(b1);
  const h = np.maximum(z, 0);
  const scores = h.matmul(w2).add(b2);

  // softmax cross-entropy, shifted by each row's maximum
  const shifted = scores.subtract(scores.max({ axis: 1, keepdims: true }));
  const exps = shifted.exp();
  const sums = exps.sum({ axis: 1, keepdims: true });
  const logSums = sums.log();
  const dscores = exps.divide(sums);
  let dataLoss = 0;
  for (let i = 0; i < n; i++) {
    const label = y.at(i);
    dataLoss += logSums.at(i, 0) - shifted.at(i, label);
    dscores.set([i, label], dscores.at(i, label) - 1);
  }
  dataLoss /= n;
  const loss = dataLoss + reg * (w1.square().sum().item() + w2.square().sum().item());

  // backward: the 1/N enters once, in dscores
  const dout = dscores.divide(n);
  const dw2 = h.T.matmul(dout).add(w2.multiply(2 * reg));
  const db2 = dout.sum({ axis: 0 });
  const dh = dout.matmul(w2.T);
  const dz = np.where(z.greaterEqual(0), dh, 0);
  const dw1 = x.T.matmul(dz).add(w1.multiply(2 * reg));
  const db1 = dz.sum({ axis: 0 });

  return { loss, grads: { w1: dw1, b1: db1, w2: dw2, b2: db2 } };
}
