import katex from 'katex';
import type { ReactNode } from 'react';
import { formatNumber, texNumber } from './format.ts';

/**
 * Server components that render numbers computed by a lecture's example file. KaTeX runs here,
 * on the server, with `throwOnError`, so a malformed expression fails the build.
 */

function renderTex(expr: string, display: boolean): string {
  const html = katex.renderToString(expr, {
    displayMode: display,
    throwOnError: true,
    strict: 'error',
    output: 'htmlAndMathml',
  });
  // a wide display formula scrolls sideways, so keyboard users must be able to focus it
  return display
    ? html.replace('<span class="katex-display"', '<span class="katex-display" tabindex="0"')
    : html;
}

/** KaTeX's HTML for an expression rendered above (never user input: lecture text and computed numbers). */
function KatexHtml({ html, inline }: { html: string; inline: boolean }) {
  const Tag = inline ? 'span' : 'div';
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output rendered at build time from lecture sources
  return <Tag dangerouslySetInnerHTML={{ __html: html }} />;
}

export interface NumProps {
  value: number;
  /** decimals after the point (default 4); trailing zeros are trimmed unless `fixed` */
  digits?: number;
  fixed?: boolean;
  /** scientific notation, `digits` decimals in the mantissa: 1.6 × 10⁻⁵ */
  scientific?: boolean;
}

/** One computed number in running text, e.g. `<Num value={ex.loss} digits={3} />`. */
export function Num({ value, digits = 4, fixed = false, scientific = false }: NumProps) {
  if (scientific && value !== 0 && Number.isFinite(value)) {
    const [mantissa = '', exponent = '0'] = value.toExponential(digits).split('e');
    return (
      <span className="lec-num">
        {mantissa.replace(/^-/, '\u2212')} × 10
        <sup>{exponent.replace(/^\+/, '').replace(/^-/, '\u2212')}</sup>
      </span>
    );
  }
  const text = formatNumber(value, digits, !fixed).replace(/^-/, '\u2212');
  return <span className="lec-num">{text}</span>;
}

export interface MatrixProps {
  /** a matrix (rows) or a vector (shown as a row unless `column`) */
  value: number[][] | number[];
  digits?: number;
  /** TeX put before the matrix, e.g. `"W ="` */
  name?: string;
  column?: boolean;
  /** inline instead of a display block */
  inline?: boolean;
}

function isMatrix(value: number[][] | number[]): value is number[][] {
  return Array.isArray(value[0]);
}

export function matrixTex(value: number[][] | number[], digits = 4, column = false): string {
  const rows: number[][] = isMatrix(value) ? value : column ? value.map((v) => [v]) : [value];
  const body = rows.map((row) => row.map((v) => texNumber(v, digits)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

/** A computed matrix or vector, rendered by KaTeX as a `bmatrix`. */
export function Matrix({ value, digits = 4, name, column = false, inline = false }: MatrixProps) {
  const expr = `${name ? `${name} ` : ''}${matrixTex(value, digits, column)}`;
  const html = renderTex(expr, !inline);
  return <KatexHtml html={html} inline={inline} />;
}

export type TexValue = number | number[] | number[][];

export interface TexProps {
  /**
   * TeX source; `#0`, `#1`, ... are replaced by the computed `values` (numbers are formatted
   * with `digits`, arrays become `bmatrix`es), e.g.
   * `<Tex expr="L = \frac{1}{N}\sum_i L_i = #0" values={[ex.loss]} />`.
   */
  expr: string;
  values?: TexValue[];
  digits?: number;
  inline?: boolean;
}

export function fillTex(expr: string, values: TexValue[], digits: number): string {
  return expr.replace(/#(\d+)/g, (_m, index: string) => {
    const v = values[Number(index)];
    if (v === undefined) throw new RangeError(`Tex: no value #${index} for "${expr}"`);
    return typeof v === 'number' ? texNumber(v, digits) : matrixTex(v, digits);
  });
}

/** Display (or inline) TeX with computed numbers filled in. */
export function Tex({ expr, values = [], digits = 4, inline = false }: TexProps) {
  const html = renderTex(fillTex(expr, values, digits), !inline);
  return <KatexHtml html={html} inline={inline} />;
}

export interface ExampleProps {
  title: string;
  children: ReactNode;
}

/** A boxed worked example. */
export function Example({ title, children }: ExampleProps) {
  return (
    <section className="lec-example" aria-label={`Worked example: ${title}`}>
      <p className="lec-example-title">Worked example: {title}</p>
      {children}
    </section>
  );
}

export type Cell = number | string;

export interface TableProps {
  caption: string;
  head: string[];
  rows: Cell[][];
  digits?: number;
}

/** A table of computed values (MDX here has no GFM tables); numbers are formatted with `digits`. */
export function Table({ caption, head, rows, digits = 4 }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways and must be reachable by keyboard
    <section className="lec-table-wrap" aria-label={caption} tabIndex={0}>
      <table className="lec-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static
            <tr key={i}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are static
                <td key={j}>
                  {typeof cell === 'number' ? formatNumber(cell, digits).replace(/^-/, '\u2212') : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
