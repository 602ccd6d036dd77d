import { describe, expect, it } from 'vitest';
import { statementQuestion } from '../src/index.ts';

const pool = (trueOnes: number, falseOnes: number) => [
  ...Array.from({ length: trueOnes }, (_, i) => ({ text: `true ${i}`, true: true, why: `t${i}` })),
  ...Array.from({ length: falseOnes }, (_, i) => ({ text: `false ${i}`, true: false, why: `f${i}` })),
];

describe('statementQuestion (the multiple-choice questions of the bank)', () => {
  it('refuses a pool without true or without false statements, or too small to show', () => {
    expect(() => statementQuestion(pool(5, 0))).toThrow(/some true and some false \(it has 5, 5 true\)/);
    expect(() => statementQuestion(pool(0, 5))).toThrow(/some true and some false/);
    expect(() => statementQuestion(pool(1, 2))).toThrow(/at least 4 statements/);
  });

  it('shows four statements with one to three true, their verdicts for the solution', () => {
    const spec = statementQuestion(pool(3, 5), { points: 3 });
    let state = 1;
    const g = {
      shuffle: <T>(values: readonly T[]) => {
        state = (state * 48271) % 2147483647;
        const out = [...values];
        for (let i = out.length - 1; i > 0; i--) {
          const j = state % (i + 1);
          [out[i], out[j]] = [out[j] as T, out[i] as T];
        }
        return out;
      },
    } as unknown as Parameters<typeof spec.generate>[0];
    for (let n = 0; n < 30; n++) {
      const variant = spec.generate(g);
      const part = variant.parts.a as { type: string; options: string[]; key: number[]; points: number };
      expect(part).toMatchObject({ type: 'multi', points: 3 });
      expect(part.options).toHaveLength(4);
      expect(part.key.length).toBeGreaterThanOrEqual(1);
      expect(part.key.length).toBeLessThanOrEqual(3);
      expect(part.key.every((i) => part.options[i]?.startsWith('true'))).toBe(true);
      expect(String(variant.params.verdicts).split('\n')).toHaveLength(4);
    }
  });
});
