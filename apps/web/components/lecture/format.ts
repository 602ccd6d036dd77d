/**
 * Number formatting shared by the lecture components: a fixed number of decimals, trailing
 * zeros trimmed, and -0 shown as 0.
 */
export function formatNumber(value: number, digits = 4, trim = true): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  if (Number.isInteger(value) && Math.abs(value) >= 10000) return value.toLocaleString('en-US');
  let s = value.toFixed(digits);
  if (trim && s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return s;
}

/** The same number as TeX (a real minus sign comes from KaTeX itself). */
export function texNumber(value: number, digits = 4, trim = true): string {
  return formatNumber(value, digits, trim).replace('∞', '\\infty ').replaceAll(',', '{,}');
}
