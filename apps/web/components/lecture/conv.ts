/** The convolution explorer's arithmetic: sizes, a padded input, and the sliding window. */

export function convOutputSize(input: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((input - kernel + 2 * pad) / stride) + 1;
}

/** A fixed, easy-to-read input: a bright left half and a dark right half (a vertical edge), with a little texture. */
export function sampleInput(n: number): number[][] {
  const edge = Math.ceil(n / 2);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (j < edge ? 3 : 0) + ((2 * i + j) % 3) - 1),
  );
}

/** A vertical-edge kernel of any size: +1 in the left column, -1 in the right, 0 between. */
export function edgeKernel(k: number): number[][] {
  return Array.from({ length: k }, () =>
    Array.from({ length: k }, (_, j) => (k === 1 ? 1 : j === 0 ? 1 : j === k - 1 ? -1 : 0)),
  );
}

export interface ConvResult {
  size: number;
  padded: number[][];
  output: number[][];
}

export function convolve(input: number[][], kernel: number[][], stride: number, pad: number): ConvResult {
  const n = input.length;
  const k = kernel.length;
  const size = convOutputSize(n, k, stride, pad);
  const padded = Array.from({ length: n + 2 * pad }, (_, i) =>
    Array.from({ length: n + 2 * pad }, (_, j) => input[i - pad]?.[j - pad] ?? 0),
  );
  const output: number[][] = [];
  for (let i = 0; i < Math.max(0, size); i++) {
    const row: number[] = [];
    for (let j = 0; j < size; j++) {
      let s = 0;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          s += (padded[i * stride + a]?.[j * stride + b] ?? 0) * (kernel[a]?.[b] ?? 0);
      row.push(s);
    }
    output.push(row);
  }
  return { size, padded, output };
}
