/**
 * Reads the one source map esbuild writes for a learner's file: generated (line, column) ->
 * original (line, column). Source map v3, base64 VLQ; one source, so the source index is ignored.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((ch, i) => [ch, i]));

/** [generatedColumn, originalLine, originalColumn], all 0-based, sorted by generatedColumn. */
type Segment = readonly [number, number, number];

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad source map character ${ch}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export class SourceMap {
  private readonly lines: Segment[][];

  constructor(mappings: string) {
    let originalLine = 0;
    let originalColumn = 0;
    this.lines = mappings.split(';').map((line) => {
      let generatedColumn = 0;
      const segments: Segment[] = [];
      for (const part of line.split(',')) {
        if (part === '') continue;
        const fields = decodeVlq(part);
        generatedColumn += fields[0] ?? 0;
        if (fields.length < 4) continue;
        originalLine += fields[2] ?? 0;
        originalColumn += fields[3] ?? 0;
        segments.push([generatedColumn, originalLine, originalColumn]);
      }
      return segments;
    });
  }

  static fromJson(json: string): SourceMap {
    const parsed: unknown = JSON.parse(json);
    const mappings = (parsed as { mappings?: unknown }).mappings;
    if (typeof mappings !== 'string') throw new Error('source map without mappings');
    return new SourceMap(mappings);
  }

  /** The original position of a generated one (1-based in and out), or undefined when unmapped. */
  original(line: number, column: number): Position | undefined {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    let found: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] <= column - 1) found = segment;
      else break;
    }
    found ??= segments[0];
    return found ? { line: found[1] + 1, column: found[2] + 1 } : undefined;
  }
}
