import type { QuestionSpec } from '@gradlab/content';

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const question: QuestionSpec = {
  generate(g) {
    for (;;) {
      const nin = g.pick([100, 200, 256, 300, 400, 512, 784]);
      const nout = g.pick([10, 50, 64, 100, 128, 256]);
      const cin = g.pick([3, 16, 32, 64, 128]);
      const cout = g.pick([16, 32, 64, 128, 256]);
      const k = g.pick([3, 5, 7]);
      if (nin === nout || cin === cout) continue;
      // Xavier: Var = 2 / (nin + nout); uniform on [-a, a] has variance a^2 / 3, so a = sqrt(6 / (nin + nout))
      const fans = np.array([nin + nout]);
      const xavierStd = np.sqrt(np.array([2]).divide(fans)).item();
      const xavierBound = np.sqrt(np.array([6]).divide(fans)).item();
      // Kaiming for the convolution: fan-in = C * k * k, Var = 2 / fan-in
      const fanIn = cin * k * k;
      const kaimingStd = np.sqrt(np.array([2 / fanIn])).item();
      return {
        params: {
          nin,
          nout,
          cin,
          cout,
          k,
          sum: nin + nout,
          xavierVar: round(2 / (nin + nout), 6),
          xavierStd: round(xavierStd),
          xavierBound: round(xavierBound),
          fanIn,
          kaimingStd: round(kaimingStd),
          varInstead: 2 / (nin + nout),
          fanInOnly: Math.sqrt(1 / nin),
          lecunConv: Math.sqrt(1 / fanIn),
          wrongFan: cout * k * k,
        },
        parts: {
          a: { type: 'numeric', points: 2, key: xavierStd, tolerance: { rtol: 1e-2 } },
          b: { type: 'numeric', points: 1, key: xavierBound, tolerance: { rtol: 1e-2 } },
          c: { type: 'integer', points: 1, key: fanIn },
          d: { type: 'numeric', points: 2, key: kaimingStd, tolerance: { rtol: 1e-2 } },
          e: { type: 'yes-no', points: 2, key: false, reasonPoints: 1 },
        },
      };
    }
  },
  wrong: [
    {
      part: 'a',
      why: 'the variance instead of the standard deviation',
      response: (v) => String(v.params.varInstead),
    },
    { part: 'a', why: 'the fan-in-only version sqrt(1 / n_in)', response: (v) => String(v.params.fanInOnly) },
    {
      part: 'b',
      why: 'the standard deviation given as the bound',
      response: (v) => String(v.params.xavierStd),
    },
    {
      part: 'c',
      why: 'the number of filters instead of the input channels',
      response: (v) => String(v.params.wrongFan),
    },
    { part: 'd', why: 'without the factor 2 for ReLU', response: (v) => String(v.params.lecunConv) },
    {
      part: 'e',
      why: 'yes',
      response: () => ({ answer: true, reason: 'the scale is what matters' }),
    },
  ],
};

export default question;
