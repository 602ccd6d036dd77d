/** The textbook JS matmul (i-k-j loop order on the typed arrays), the usual "naive JS" baseline. */
import type { FloatArray } from '../src/backend/kernel-types.ts';

export function matmulNaiveIkj(
  a: FloatArray,
  b: FloatArray,
  out: FloatArray,
  m: number,
  k: number,
  n: number,
): void {
  out.fill(0);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p] as number;
      const row = p * n;
      const o = i * n;
      for (let j = 0; j < n; j++) out[o + j] = (out[o + j] as number) + aip * (b[row + j] as number);
    }
  }
}
