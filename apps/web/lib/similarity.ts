/**
 * Code similarity for academic-integrity review, MOSS-style: each program becomes a stream of
 * normalised tokens (js-tokens; comments, layout and semicolons dropped, local names and literals replaced
 * by placeholders, keywords and property names kept, so renaming variables or reformatting
 * changes nothing), the stream's k-grams are hashed, and winnowing keeps a robust subset of the
 * hashes as the program's fingerprints. Fingerprints of the starter code are removed (everyone
 * starts from it), and two programs' similarity is the Jaccard index of their fingerprints.
 * A high score is a reason to look, not a verdict: staff judge the two codes side by side.
 */
import jsTokens from 'js-tokens';

const KEYWORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false finally for ' +
    'function if import in instanceof let new null of return static super switch this throw true try typeof ' +
    'undefined var void while yield async await Math Number Array Float64Array Int32Array Infinity NaN np'
  ).split(' '),
);

/** The normalised tokens of a program (types are tokens too: annotating is part of the code). */
export function normalisedTokens(code: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const token of jsTokens(code)) {
    switch (token.type) {
      case 'WhiteSpace':
      case 'LineTerminatorSequence':
      case 'MultiLineComment':
      case 'SingleLineComment':
      case 'HashbangComment':
        continue;
      case 'IdentifierName':
        // a property name (after ".") is the engine's API, kept; a local name is a placeholder
        out.push(KEYWORDS.has(token.value) || previous === '.' ? token.value : 'v');
        break;
      case 'NumericLiteral':
        out.push('0');
        break;
      case 'StringLiteral':
      case 'NoSubstitutionTemplate':
      case 'TemplateHead':
      case 'TemplateMiddle':
      case 'TemplateTail':
        out.push('"');
        break;
      case 'Punctuator':
        // semicolons are layout (automatic semicolon insertion makes them optional)
        if (token.value !== ';') out.push(token.value);
        break;
      default:
        out.push(token.value);
    }
    previous = token.value;
  }
  return out;
}

/** 32-bit FNV-1a of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface FingerprintOptions {
  /** tokens per k-gram (the shortest run that counts as shared); default 10 */
  k?: number;
  /** winnowing window (in k-grams); default 4 */
  window?: number;
}

/** The program's winnowed k-gram fingerprints (Schleimer, Wilkerson and Aiken's winnowing). */
export function fingerprints(code: string, options: FingerprintOptions = {}): Set<number> {
  const k = options.k ?? 10;
  const w = options.window ?? 4;
  const tokens = normalisedTokens(code);
  const grams: number[] = [];
  for (let i = 0; i + k <= tokens.length; i++) grams.push(hash(tokens.slice(i, i + k).join('\u0001')));
  const chosen = new Set<number>();
  if (grams.length === 0) return chosen;
  if (grams.length <= w) {
    chosen.add(Math.min(...grams));
    return chosen;
  }
  for (let start = 0; start + w <= grams.length; start++) {
    let min = start;
    for (let i = start; i < start + w; i++) if ((grams[i] ?? 0) <= (grams[min] ?? 0)) min = i;
    chosen.add(grams[min] ?? 0);
  }
  return chosen;
}

export interface Program {
  /** whose program (a user id) */
  owner: string;
  code: string;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** Jaccard index of the two fingerprint sets, 0..1 */
  similarity: number;
  /** fingerprints the two share */
  shared: number;
}

/**
 * Every pair of programs whose similarity is at least `threshold`, most similar first.
 * Fingerprints that the starter code has are ignored.
 */
export function similarPairs(
  programs: Program[],
  starter: string,
  threshold: number,
  options?: FingerprintOptions,
): SimilarPair[] {
  const base = fingerprints(starter, options);
  const prints = programs.map((p) => {
    const own = fingerprints(p.code, options);
    for (const f of base) own.delete(f);
    return own;
  });
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < programs.length; i++) {
    for (let j = i + 1; j < programs.length; j++) {
      const a = prints[i] ?? new Set<number>();
      const b = prints[j] ?? new Set<number>();
      if (a.size === 0 || b.size === 0) continue;
      let shared = 0;
      for (const f of a) if (b.has(f)) shared += 1;
      const similarity = shared / (a.size + b.size - shared);
      if (similarity >= threshold)
        pairs.push({ a: programs[i]?.owner ?? '', b: programs[j]?.owner ?? '', similarity, shared });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
