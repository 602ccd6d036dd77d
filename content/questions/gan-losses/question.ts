import type { QuestionSpec } from '@gradlab/content';

const list = (a: NDArray) => Array.from(a.toTypedArray() as Float64Array);
const tex = (a: NDArray) => `\\begin{pmatrix} ${list(a).join(' & ')} \\end{pmatrix}`;
const r4 = (v: number) => Number(v.toPrecision(4));
const TOL = { rtol: 6e-3, atol: 1e-9 };

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const dReal = g.randint([3], 50, 96).divide(100);
      const dFake = g.randint([3], 2, 45).divide(100);
      const realTerm = dReal.log().mean().negative().item();
      const fakeTerm = dFake.negative().add(1).log().mean().negative().item();
      const lossD = realTerm + fakeTerm;
      const lossG = dFake.log().mean().negative().item();
      const lossGOrig = dFake.negative().add(1).log().mean().item();
      // mistake: log D(G(z)) in place of log(1 - D(G(z))) in the discriminator's loss
      const lossDWrongFake = realTerm + lossG;
      const differs = (a: number, key: number) => Math.abs(a - key) > 0.02 * Math.abs(key);
      if (!differs(lossDWrongFake, lossD) || !differs(realTerm, lossG)) continue;
      const dOne = g.pick(list(dFake));
      return {
        params: {
          dReal: tex(dReal),
          dFake: tex(dFake),
          dOne,
          realTerm: r4(realTerm),
          fakeTerm: r4(fakeTerm),
          lossD: r4(lossD),
          lossG: r4(lossG),
          lossGOrig: r4(lossGOrig),
          gradOrig: -dOne,
          gradNonSat: r4(-(1 - dOne)),
          // for the listed mistakes
          lossDWrongFake,
          lossDNoMinus: -lossD,
          lossGOrigRaw: lossGOrig,
          realTermRaw: realTerm,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: lossD, tolerance: TOL },
          b: { type: 'numeric', points: 2, key: lossG, tolerance: TOL },
          c: { type: 'numeric', points: 2, key: [-dOne, -(1 - dOne)], tolerance: { atol: 1e-3 } },
          d: {
            type: 'text',
            points: 2,
            rubric: [
              {
                id: 'definition',
                description:
                  'the generator produces only a few kinds of outputs (a few modes of the data), which fool the current discriminator',
                points: 1,
              },
              {
                id: 'symptom',
                description:
                  'symptom: the samples look alike / lack variety, whatever noise z is drawn (e.g. only a few digits appear)',
                points: 1,
              },
            ],
          },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'log D(G(z)) in place of log(1 - D(G(z)))',
      response: (v) => String(v.params.lossDWrongFake),
    },
    { part: 'a', why: 'the minus sign dropped', response: (v) => String(v.params.lossDNoMinus) },
    {
      part: 'b',
      why: 'the original (saturating) loss log(1 - D(G(z)))',
      response: (v) => String(v.params.lossGOrigRaw),
    },
    {
      part: 'b',
      why: 'the real images used (-log D(x))',
      response: (v) => String(v.params.realTermRaw),
    },
    {
      part: 'c',
      why: 'the two derivatives swapped',
      response: (v) => `[${-(1 - Number(v.params.dOne))}, ${-Number(v.params.dOne)}]`,
    },
    {
      part: 'c',
      why: 'the signs dropped',
      response: (v) => `[${Number(v.params.dOne)}, ${1 - Number(v.params.dOne)}]`,
    },
  ],
};

export default question;
