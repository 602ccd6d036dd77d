import type { QuestionSpec } from '@gradlab/content';

const statements = [
  { text: 'Its derivative is at most 1/4.', true: true },
  { text: 'Its outputs are centred on zero.', true: false },
  { text: 'For large |z| its gradient vanishes.', true: true },
  { text: 'Its derivative at z = 0 is 1.', true: false },
  { text: 'It maps every real number into (0, 1).', true: true },
];

const question: QuestionSpec = {
  generate(g) {
    const z = Math.round(g.uniform(-4, 4) * 10) / 10;
    const dy = Math.round(g.uniform(-3, 3) * 10) / 10 || 1.5;
    // the key with the engine: sigma(z) * (1 - sigma(z)) * dL/dy
    const y = np.array([1]).divide(np.array([z]).negative().exp().add(1));
    const dz = y.multiply(y.negative().add(1)).multiply(dy).item();
    const shown = g.shuffle(statements);
    return {
      params: { z, dy, y: Number(y.item().toPrecision(4)), dz: Number(dz.toPrecision(3)) },
      parts: {
        a: { type: 'expression', points: 2, key: 'y * (1 - y)', variables: { y: [0.01, 0.99] } },
        b: { type: 'numeric', points: 2, key: dz, tolerance: { sigfigs: 3 } },
        c: {
          type: 'multi',
          points: 2,
          scoring: 'all-or-nothing',
          options: shown.map((s) => s.text),
          key: shown.flatMap((s, i) => (s.true ? [i] : [])),
        },
      },
    };
  },
  wrong: [
    { part: 'a', why: 'the sign slip y(1 + y)', response: () => 'y * (1 + y)' },
    { part: 'a', why: 'the derivative of tanh', response: () => '1 - y^2' },
    {
      part: 'b',
      why: 'the upstream gradient left out',
      response: (v) => String(Number(v.params.y) * (1 - Number(v.params.y))),
    },
    {
      part: 'c',
      why: 'only the first true statement',
      response: (v) => [(v.parts.c as { key: number[] }).key[0]],
    },
  ],
};

export default question;
