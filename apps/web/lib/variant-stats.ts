/**
 * Item statistics per variant parameter: for a question whose variants differ by a parameter
 * with a few values (a stride of 1, 2 or 3; which activation is asked about), how each value
 * fared. A value that is much harder than the others flags an unfair draw.
 */

export interface ParameterRow {
  /** the parameter's value, as shown */
  value: string;
  /** attempts that drew it */
  n: number;
  /** mean share of the question's points (0 to 1) */
  mean: number;
}

export interface ParameterBreakdown {
  parameter: string;
  rows: ParameterRow[];
}

/** Parameters with 2 to `maxValues` distinct short values, each with its attempts' mean share. */
export function parameterBreakdown(
  taken: { params: Record<string, string | number>; share: number }[],
  maxValues = 6,
): ParameterBreakdown[] {
  const names = [...new Set(taken.flatMap((t) => Object.keys(t.params)))].sort();
  const out: ParameterBreakdown[] = [];
  for (const parameter of names) {
    const groups = new Map<string, number[]>();
    for (const t of taken) {
      const raw = t.params[parameter];
      if (raw === undefined) continue;
      const value = String(raw);
      if (value.length > 24) continue;
      groups.set(value, [...(groups.get(value) ?? []), t.share]);
    }
    if (groups.size < 2 || groups.size > maxValues) continue;
    out.push({
      parameter,
      rows: [...groups.entries()]
        .map(([value, shares]) => ({
          value,
          n: shares.length,
          mean: Math.round((shares.reduce((a, b) => a + b, 0) / shares.length) * 100) / 100,
        }))
        .sort((a, b) => a.value.localeCompare(b.value, undefined, { numeric: true })),
    });
  }
  return out;
}
