import { convParams, maxPool, outputSize } from './convolutional-networks.examples.ts';
import { argmax, get, get2, type Mat, mean, softmax, zeros } from './examples/_math.ts';

/** Output size of a transposed convolution along one axis: (I - 1) s - 2p + k (+ output padding). */
export function transposedOutputSize(
  input: number,
  kernel: number,
  stride: number,
  pad: number,
  outPad = 0,
): number {
  return (input - 1) * stride - 2 * pad + kernel + outPad;
}

/**
 * Single-channel transposed convolution: every input value scatters a copy of the kernel, scaled
 * by itself, into the output at stride `stride`; overlapping copies add up; `pad` rows and columns
 * are then cropped from every side.
 */
export function transposedConv2d(x: Mat, k: Mat, stride: number, pad = 0): Mat {
  const kh = k.length;
  const kw = k[0]?.length ?? 0;
  const h = x.length;
  const w = x[0]?.length ?? 0;
  const full = zeros((h - 1) * stride + kh, (w - 1) * stride + kw);
  x.forEach((row, i) => {
    row.forEach((v, j) => {
      for (let u = 0; u < kh; u++)
        for (let c = 0; c < kw; c++) {
          const r = full[i * stride + u];
          if (r) r[j * stride + c] = (r[j * stride + c] ?? 0) + v * get2(k, u, c);
        }
    });
  });
  return full.slice(pad, full.length - pad).map((r) => r.slice(pad, r.length - pad));
}

/** A transposed convolution with a bilinear kernel, stride 2: it interpolates between the inputs. */
export const transposed = (() => {
  const x = [
    [1, 2],
    [3, 4],
  ];
  const k = [
    [0.25, 0.5, 0.25],
    [0.5, 1, 0.5],
    [0.25, 0.5, 0.25],
  ];
  const stride = 2;
  const out = transposedConv2d(x, k, stride, 0);
  const cropped = transposedConv2d(x, k, stride, 1);
  return {
    x,
    k,
    stride,
    out,
    size: transposedOutputSize(2, 3, stride, 0),
    cropped,
    croppedSize: transposedOutputSize(2, 3, stride, 1),
  };
})();

/** Output sizes of transposed convolutions for common settings. */
export const transposedSizes = [
  { input: 2, kernel: 3, stride: 2, pad: 0 },
  { input: 4, kernel: 2, stride: 2, pad: 0 },
  { input: 4, kernel: 4, stride: 2, pad: 1 },
  { input: 16, kernel: 4, stride: 2, pad: 1 },
  { input: 7, kernel: 3, stride: 1, pad: 1 },
].map((c) => ({ ...c, output: transposedOutputSize(c.input, c.kernel, c.stride, c.pad) }));

/** Max unpooling: the pooled values (or the decoder's values) go back to the remembered argmax positions. */
export const unpooling = (() => {
  const x = [
    [1, 3, 2, 0],
    [4, 2, 1, 5],
    [0, 1, 3, 2],
    [2, 6, 1, 1],
  ];
  const { out: pooled, argmax: switches } = maxPool(x, 2, 2);
  // the decoder later has its own values at the small resolution; unpooling places them
  const decoder = [
    [0.5, -1],
    [2, 1.5],
  ];
  const unpooled = zeros(4, 4);
  switches.forEach((row, i) => {
    row.forEach(([a, b], j) => {
      const r = unpooled[a];
      if (r) r[b] = get2(decoder, i, j);
    });
  });
  const nearest = zeros(4, 4).map((row, a) =>
    row.map((_v, b) => get2(decoder, Math.floor(a / 2), Math.floor(b / 2))),
  );
  return { x, pooled, decoder, unpooled, nearest };
})();

/** Semantic segmentation of a 3 x 3 image into 3 classes: per-pixel softmax, argmax and loss. */
export const segmentation = (() => {
  const classes = 3;
  // scores[c][i][j]: shape C x H x W
  const scores: Mat[] = [
    [
      [2, 1.5, 0.2],
      [1.8, 0.4, -0.5],
      [0.1, -1, -1.2],
    ],
    [
      [0.3, 0.9, 1.6],
      [0.2, 1.1, 2.1],
      [-0.4, 0.6, 1.9],
    ],
    [
      [-1, -0.5, 0],
      [0.5, 1.3, 0.2],
      [2.2, 1.7, 0.4],
    ],
  ];
  const labels = [
    [0, 0, 1],
    [0, 1, 1],
    [2, 2, 1],
  ];
  const h = 3;
  const w = 3;
  const probs: Mat[] = Array.from({ length: classes }, () => zeros(h, w));
  const pred = zeros(h, w);
  const pixelLoss = zeros(h, w);
  for (let i = 0; i < h; i++)
    for (let j = 0; j < w; j++) {
      const p = softmax(scores.map((s) => get2(s, i, j)));
      p.forEach((v, c) => {
        const r = probs[c]?.[i];
        if (r) r[j] = v;
      });
      const pr = pred[i];
      if (pr) pr[j] = argmax(p);
      const lr = pixelLoss[i];
      if (lr) lr[j] = -Math.log(get(p, get2(labels, i, j)));
    }
  const loss = mean(pixelLoss.flat());
  const correct = pred.flat().filter((v, n) => v === labels.flat()[n]).length;
  // intersection over union for each class
  const iou = Array.from({ length: classes }, (_, c) => {
    const pf = pred.flat();
    const lf = labels.flat();
    const inter = pf.filter((v, n) => v === c && lf[n] === c).length;
    const union = pf.filter((v, n) => v === c || lf[n] === c).length;
    return inter / union;
  });
  return {
    classes,
    shape: [classes, h, w],
    scores,
    labels,
    probs,
    pred,
    pixelLoss,
    loss,
    pixelAccuracy: correct / (h * w),
    iou,
    meanIou: mean(iou),
  };
})();

/** A fully connected layer on a 512 x 7 x 7 map is a 7 x 7 convolution with 4096 filters. */
export const fcAsConv = (() => {
  const channels = 512;
  const spatial = 7;
  const units = 4096;
  const fcWeights = channels * spatial * spatial * units + units;
  const convWeights = convParams(units, channels, spatial, spatial);
  const largerInput = 12;
  const outMap = outputSize(largerInput, spatial, 1, 0);
  return { channels, spatial, units, fcWeights, convWeights, largerInput, outMap };
})();

/**
 * Shapes through a small U-Net-style encoder-decoder on a 3 x 64 x 64 image: 3 x 3 convolutions
 * with padding 1, 2 x 2 max pooling, 2 x 2 transposed convolutions with stride 2, and skip
 * connections that concatenate encoder maps onto the decoder maps of the same size.
 */
export const unet = (() => {
  const classes = 5;
  const rows: [string, string][] = [];
  const shape = (c: number, h: number) => `${c} × ${h} × ${h}`;
  let h = 64;
  let c = 3;
  rows.push(['input', shape(c, h)]);
  const conv = (name: string, out: number) => {
    h = outputSize(h, 3, 1, 1);
    c = out;
    rows.push([name, shape(c, h)]);
  };
  const pool = (name: string) => {
    h = outputSize(h, 2, 2, 0);
    rows.push([name, shape(c, h)]);
  };
  const up = (name: string, out: number) => {
    h = transposedOutputSize(h, 2, 2, 0);
    c = out;
    rows.push([name, shape(c, h)]);
  };
  const skips: number[] = [];
  conv('enc1: conv 3×3, 64', 64);
  skips.push(c);
  pool('pool 2×2');
  conv('enc2: conv 3×3, 128', 128);
  skips.push(c);
  pool('pool 2×2');
  conv('bottleneck: conv 3×3, 256', 256);
  up('up: transposed conv 2×2 stride 2, 128', 128);
  c += skips.pop() ?? 0;
  rows.push(['concatenate enc2 (skip)', shape(c, h)]);
  conv('dec2: conv 3×3, 128', 128);
  up('up: transposed conv 2×2 stride 2, 64', 64);
  c += skips.pop() ?? 0;
  rows.push(['concatenate enc1 (skip)', shape(c, h)]);
  conv('dec1: conv 3×3, 64', 64);
  c = classes;
  rows.push(['classifier: conv 1×1, 5', shape(c, h)]);
  return { classes, rows, finalChannels: c, finalSize: h };
})();

/**
 * Transfer learning: a small pretrained backbone (three 3 x 3 convolutions and global average
 * pooling) whose 1000-class head is replaced by a 10-class head; how much is trained when freezing.
 */
export const transfer = (() => {
  const convs = [
    { f: 32, c: 3 },
    { f: 64, c: 32 },
    { f: 128, c: 64 },
  ];
  const backbone = convs.reduce((s, l) => s + convParams(l.f, l.c, 3, 3), 0);
  const features = 128;
  const oldHead = features * 1000 + 1000;
  const newHead = features * 10 + 10;
  const lastConv = convParams(128, 64, 3, 3);
  return {
    backbone,
    oldHead,
    newHead,
    lastConv,
    frozenTrainable: newHead,
    partialTrainable: newHead + lastConv,
    fullTrainable: backbone + newHead,
    baseLr: 1e-3,
    backboneLr: 1e-4,
  };
})();

/** Check-yourself numbers. */
export const quiz = (() => {
  const t = { input: 8, kernel: 4, stride: 2, pad: 1 };
  return {
    ...t,
    output: transposedOutputSize(t.input, t.kernel, t.stride, t.pad),
    classes: 30,
    shape: [30, 64, 64],
    oneByOneParams: convParams(30, 5, 1, 1),
  };
})();
