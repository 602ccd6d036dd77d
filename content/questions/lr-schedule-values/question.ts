import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Why warm up: the first option is right. */
const reasons = [
  'The first gradients can be large and adaptive statistics are still unreliable, so full-size steps risk throwing the weights into a bad region',
  'Small early steps keep the network from overfitting the first minibatches it sees',
  'It lets training finish at the largest learning rate, where the loss is lowest',
  'It makes decaying the learning rate later in training unnecessary',
];

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const total = g.pick([100, 200, 500, 1000]);
      const base = g.pick([0.1, 0.05, 0.01, 0.3]);
      // step decay: every `every` steps; t not on a boundary
      const every = (total / 10) * g.pick([2, 3, 4]);
      const tStep = g.int(every + 1, total - 1);
      if (tStep % every === 0) continue;
      const stepDecay = (t: number) => base * 0.1 ** Math.floor(t / every);
      // cosine at a friendly fraction of T
      const tCos = (total / 20) * g.int(2, 18);
      const cosine = (t: number) => 0.5 * base * (1 + Math.cos((Math.PI * t) / total));
      // warm-up then cosine over the remaining steps
      const warm = (total / 10) * g.pick([1, 2]);
      const tWarm = g.int(1, warm - 2);
      const tAfter = warm + ((total - warm) / 4) * g.int(1, 3);
      const warmCos = (t: number) =>
        t < warm
          ? (base * (t + 1)) / warm
          : 0.5 * base * (1 + Math.cos((Math.PI * (t - warm)) / (total - warm)));
      // exponential decay: the first t with gamma^t < 0.1
      const gamma = g.pick([0.9, 0.95, 0.97, 0.98, 0.99]);
      const ratio = Math.log(0.1) / Math.log(gamma);
      const tExp = Math.floor(ratio) + 1;
      // mistakes: cosine not shifted after the warm-up (t / T), warm-up without the +1
      const unshifted = cosine(tAfter);
      if (Math.abs(unshifted - warmCos(tAfter)) < 1e-3 * base) continue;
      const options = g.shuffle(reasons);
      const decays = Math.floor(tStep / every);
      return {
        params: {
          total,
          base,
          every,
          tStep,
          decays,
          tCos,
          warm,
          tWarm,
          tAfter,
          gamma,
          stepValue: round(stepDecay(tStep), 8),
          cosValue: round(cosine(tCos)),
          cosArg: round(tCos / total, 4),
          warmValue: round(warmCos(tWarm)),
          afterArg: round((tAfter - warm) / (total - warm), 4),
          afterValue: round(warmCos(tAfter)),
          unshifted: round(unshifted),
          ratio: round(ratio, 3),
          tExp,
          tExpBefore: tExp - 1,
          powBefore: round(gamma ** (tExp - 1), 4),
          powAt: round(gamma ** tExp, 4),
        },
        parts: {
          a: { type: 'numeric', points: 1, key: stepDecay(tStep), tolerance: { rtol: 1e-3, atol: 1e-12 } },
          b: { type: 'numeric', points: 2, key: cosine(tCos), tolerance: { rtol: 1e-3, atol: 1e-9 } },
          c: {
            type: 'numeric',
            points: 2,
            key: [warmCos(tWarm), warmCos(tAfter)],
            tolerance: { rtol: 1e-3, atol: 1e-9 },
          },
          d: { type: 'integer', points: 1, key: tExp },
          e: { type: 'choice', points: 2, options, key: options.indexOf(reasons[0] as string) },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'one decay too many (counting the start as a boundary)',
      response: (v) => String(Number(v.params.base) * 0.1 ** (Number(v.params.decays) + 1)),
    },
    {
      part: 'c',
      why: 'the cosine after the warm-up not shifted (t / T instead of (t - W) / (T - W))',
      response: (v) => {
        const key = (v.parts.c as { key: number[] }).key;
        const t = Number(v.params.tAfter);
        const T = Number(v.params.total);
        return `${key[0]}, ${0.5 * Number(v.params.base) * (1 + Math.cos((Math.PI * t) / T))}`;
      },
    },
    {
      part: 'c',
      why: 'the warm-up as t / W, without the + 1',
      response: (v) => {
        const key = (v.parts.c as { key: number[] }).key;
        return `${(Number(v.params.base) * Number(v.params.tWarm)) / Number(v.params.warm)}, ${key[1]}`;
      },
    },
    { part: 'd', why: 'the last step still above eta0 / 10', response: (v) => String(v.params.tExpBefore) },
    {
      part: 'e',
      why: 'to avoid overfitting early',
      response: (v) => (v.parts.e as { options: string[] }).options.indexOf(reasons[1] as string),
    },
  ],
};

export default question;
