import { get, type Mat, zeros } from './examples/_math.ts';

/** Output size of a convolution or pooling along one axis. */
export function outputSize(input: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((input - kernel + 2 * pad) / stride) + 1;
}

/** Zero-pads a matrix by `pad` on every side. */
export function pad2d(x: Mat, pad: number): Mat {
  const h = x.length;
  const w = x[0]?.length ?? 0;
  const out = zeros(h + 2 * pad, w + 2 * pad);
  x.forEach((row, i) => {
    row.forEach((v, j) => {
      const r = out[i + pad];
      if (r) r[j + pad] = v;
    });
  });
  return out;
}

/** Single-channel cross-correlation (what deep learning calls convolution), by sliding the window. */
export function conv2d(x: Mat, k: Mat, stride = 1, pad = 0): Mat {
  const xp = pad2d(x, pad);
  const kh = k.length;
  const kw = k[0]?.length ?? 0;
  const oh = outputSize(x.length, kh, stride, pad);
  const ow = outputSize(x[0]?.length ?? 0, kw, stride, pad);
  const out = zeros(oh, ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      let s = 0;
      for (let a = 0; a < kh; a++)
        for (let b = 0; b < kw; b++) s += get(xp[i * stride + a] ?? [], j * stride + b) * get(k[a] ?? [], b);
      const row = out[i];
      if (row) row[j] = s;
    }
  }
  return out;
}

export function maxPool(x: Mat, size: number, stride: number): { out: Mat; argmax: [number, number][][] } {
  const oh = outputSize(x.length, size, stride, 0);
  const ow = outputSize(x[0]?.length ?? 0, size, stride, 0);
  const out = zeros(oh, ow);
  const argmax: [number, number][][] = [];
  for (let i = 0; i < oh; i++) {
    const arow: [number, number][] = [];
    for (let j = 0; j < ow; j++) {
      let best = Number.NEGATIVE_INFINITY;
      let at: [number, number] = [0, 0];
      for (let a = 0; a < size; a++)
        for (let b = 0; b < size; b++) {
          const v = get(x[i * stride + a] ?? [], j * stride + b);
          if (v > best) {
            best = v;
            at = [i * stride + a, j * stride + b];
          }
        }
      const row = out[i];
      if (row) row[j] = best;
      arow.push(at);
    }
    argmax.push(arow);
  }
  return { out, argmax };
}

export const convExample = (() => {
  const x = [
    [1, 0, 2, 1, 0],
    [0, 1, 3, 1, 1],
    [2, 1, 0, 0, 2],
    [1, 0, 1, 2, 1],
    [0, 2, 1, 1, 0],
  ];
  const k = [
    [1, 0, -1],
    [1, 0, -1],
    [1, 0, -1],
  ];
  return {
    x,
    k,
    valid: conv2d(x, k, 1, 0),
    same: conv2d(x, k, 1, 1),
    strided: conv2d(x, k, 2, 1),
    firstWindow: x.slice(0, 3).map((r) => r.slice(0, 3)),
  };
})();

export const sizes = (() => {
  const cases = [
    { input: 32, kernel: 5, stride: 1, pad: 0 },
    { input: 32, kernel: 3, stride: 1, pad: 1 },
    { input: 32, kernel: 5, stride: 2, pad: 1 },
    { input: 227, kernel: 11, stride: 4, pad: 0 },
    { input: 7, kernel: 3, stride: 3, pad: 0 },
  ];
  return cases.map((c) => ({ ...c, output: outputSize(c.input, c.kernel, c.stride, c.pad) }));
})();

/** A convolutional layer's weights are (F, C, kH, kW) plus F biases. */
export function convParams(filters: number, channels: number, kh: number, kw: number): number {
  return filters * channels * kh * kw + filters;
}

export const params = (() => {
  const layer = { filters: 10, channels: 3, k: 5 };
  const fcInput = 224 * 224 * 3;
  return {
    layer,
    count: convParams(layer.filters, layer.channels, layer.k, layer.k),
    fcInput,
    fcHidden: 1000,
    fcCount: fcInput * 1000 + 1000,
    bottleneck: convParams(64, 256, 1, 1) + convParams(64, 64, 3, 3) + convParams(256, 64, 1, 1),
    plain: 2 * convParams(256, 256, 3, 3),
  };
})();

/** A small VGG-style network: each layer's output shape and parameter count. */
export const network = (() => {
  type Layer = { name: string; kind: 'conv' | 'pool' | 'fc'; k: number; s: number; p: number; out: number };
  const layers: Layer[] = [
    { name: 'conv 3x3, 32', kind: 'conv', k: 3, s: 1, p: 1, out: 32 },
    { name: 'conv 3x3, 32', kind: 'conv', k: 3, s: 1, p: 1, out: 32 },
    { name: 'max pool 2x2', kind: 'pool', k: 2, s: 2, p: 0, out: 0 },
    { name: 'conv 3x3, 64', kind: 'conv', k: 3, s: 1, p: 1, out: 64 },
    { name: 'conv 3x3, 64', kind: 'conv', k: 3, s: 1, p: 1, out: 64 },
    { name: 'max pool 2x2', kind: 'pool', k: 2, s: 2, p: 0, out: 0 },
    { name: 'fully connected, 10', kind: 'fc', k: 0, s: 1, p: 0, out: 10 },
  ];
  let h = 32;
  let c = 3;
  let rf = 1;
  let jump = 1;
  const rows: (string | number)[][] = [];
  let total = 0;
  for (const l of layers) {
    let n = 0;
    if (l.kind === 'fc') {
      n = h * h * c * l.out + l.out;
      h = 1;
      c = l.out;
    } else {
      rf += (l.k - 1) * jump;
      jump *= l.s;
      if (l.kind === 'conv') {
        n = convParams(l.out, c, l.k, l.k);
        c = l.out;
      }
      h = outputSize(h, l.k, l.s, l.p);
    }
    total += n;
    rows.push([l.name, `${h} × ${h} × ${c}`, n, l.kind === 'fc' ? 'all' : rf]);
  }
  return { rows, total };
})();

/** Receptive field of stacked layers: r grows by (k - 1) times the product of earlier strides. */
export function receptiveField(layers: { k: number; s: number }[]): number {
  let r = 1;
  let jump = 1;
  for (const l of layers) {
    r += (l.k - 1) * jump;
    jump *= l.s;
  }
  return r;
}

export const receptive = {
  three3x3: receptiveField([
    { k: 3, s: 1 },
    { k: 3, s: 1 },
    { k: 3, s: 1 },
  ]),
  withPool: receptiveField([
    { k: 3, s: 1 },
    { k: 2, s: 2 },
    { k: 3, s: 1 },
  ]),
  params3x3: 3 * (3 * 3 * 64 * 64),
  params7x7: 7 * 7 * 64 * 64,
};

export const pooling = (() => {
  const x = [
    [1, 3, 2, 0],
    [4, 2, 1, 5],
    [0, 1, 3, 2],
    [2, 6, 1, 1],
  ];
  const { out, argmax } = maxPool(x, 2, 2);
  const dOut = [
    [0.1, -0.2],
    [0.3, 0.4],
  ];
  const dX = zeros(4, 4);
  argmax.forEach((row, i) => {
    row.forEach(([a, b], j) => {
      const r = dX[a];
      if (r) r[b] = (r[b] ?? 0) + get(dOut[i] ?? [], j);
    });
  });
  return { x, out, dOut, dX };
})();

/** Check-yourself numbers. */
export const quiz = {
  size: { input: 31, channels: 16, filters: 8, k: 5, s: 2, p: 1, out: outputSize(31, 5, 2, 1) },
  weights: { filters: 6, channels: 3, k: 3, count: convParams(6, 3, 3, 3), weightsOnly: 6 * 3 * 3 * 3 },
  rf: receptiveField([
    { k: 3, s: 1 },
    { k: 3, s: 1 },
    { k: 3, s: 1 },
    { k: 3, s: 1 },
  ]),
};
