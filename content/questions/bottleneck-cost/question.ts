import type { QuestionSpec } from '@gradlab/content';

/** The lecture's count: F filters of size k x k over C channels have F·C·k·k weights and F biases. */
const convParams = (f: number, c: number, k: number) => f * c * k * k + f;
/** One multiply-add per weight and output position (stride 1, "same" padding, biases ignored). */
const convMacs = (f: number, c: number, k: number, h: number) => h * h * f * c * k * k;

const question: QuestionSpec = {
  generate(g) {
    const c = g.pick([64, 128, 192, 256, 384, 512]);
    const m = c / g.pick([2, 4]);
    const h = g.pick([7, 8, 14, 16, 28, 32]);
    const layers: [number, number, number][] = [
      [m, c, 1],
      [m, m, 3],
      [c, m, 1],
    ];
    const bottleneck = layers.reduce((acc, [f, cin, k]) => acc + convParams(f, cin, k), 0);
    const direct = convParams(c, c, 3);
    const bottleneckMacs = layers.reduce((acc, [f, cin, k]) => acc + convMacs(f, cin, k, h), 0);
    const directMacs = convMacs(c, c, 3, h);
    return {
      params: {
        c,
        m,
        h,
        p1: convParams(m, c, 1),
        p2: convParams(m, m, 3),
        p3: convParams(c, m, 1),
        bottleneck,
        direct,
        directMacs,
        m1: convMacs(m, c, 1, h),
        m2: convMacs(m, m, 3, h),
        m3: convMacs(c, m, 1, h),
        bottleneckMacs,
        ratio: Math.round((directMacs / bottleneckMacs) * 10) / 10,
        // for the listed mistakes
        bottleneckNoBias: bottleneck - 2 * m - c,
        middleWide: convParams(m, c, 1) + convParams(m, c, 3) + convParams(c, m, 1),
        directNoBias: direct - c,
        directPerPosition: c * c * 9,
        onlyMiddle: convMacs(m, m, 3, h),
      },
      parts: {
        a: { type: 'integer', points: 2, key: bottleneck },
        b: { type: 'integer', points: 1, key: direct },
        c: { type: 'integer', points: 2, key: directMacs },
        d: { type: 'integer', points: 2, key: bottleneckMacs },
      },
    };
  },
  wrong: [
    { part: 'a', why: 'the biases forgotten', response: (v) => String(v.params.bottleneckNoBias) },
    {
      part: 'a',
      why: 'the 3 x 3 layer counted on all the input channels',
      response: (v) => String(v.params.middleWide),
    },
    { part: 'b', why: 'the biases forgotten', response: (v) => String(v.params.directNoBias) },
    {
      part: 'c',
      why: 'the multiply-adds of one position only (no H · W factor)',
      response: (v) => String(v.params.directPerPosition),
    },
    { part: 'd', why: 'only the 3 x 3 layer counted', response: (v) => String(v.params.onlyMiddle) },
  ],
};

export default question;
