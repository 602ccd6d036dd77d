import type { QuestionSpec } from '@gradlab/content';

/** Weights and biases of an affine layer from `fanIn` to `fanOut` units. */
const affine = (fanIn: number, fanOut: number) => fanIn * fanOut + fanOut;

const question: QuestionSpec = {
  generate(g) {
    const [desc, D] = g.pick([
      ['28 × 28 grey-scale', 784],
      ['32 × 32 grey-scale', 1024],
      ['32 × 32 RGB', 3072],
      ['16 × 16 RGB', 768],
      ['20 × 20 grey-scale', 400],
    ] as const);
    const h = g.pick([64, 128, 200, 256]);
    const d = g.pick([2, 8, 10, 16, 20, 32]);
    const encoder = affine(D, h) + affine(h, d);
    const decoder = affine(d, h) + affine(h, D);
    return {
      params: {
        desc,
        D,
        h,
        d,
        encoder,
        decoder,
        total: encoder + decoder,
        encoderWeights: D * h + h * d,
        totalWeights: 2 * (D * h + h * d),
      },
      parts: {
        a: { type: 'integer', points: 2, key: encoder },
        b: { type: 'integer', points: 2, key: encoder + decoder },
        c: {
          type: 'text',
          points: 2,
          rubric: [
            {
              id: 'too-small',
              description:
                'too small: too much information is lost, reconstructions are poor or blurry (underfitting)',
              points: 1,
            },
            {
              id: 'too-large',
              description:
                'too large: no compression, the network can learn the identity (copy the input) and learns no useful features (overfitting)',
              points: 1,
            },
            {
              id: 'swapped',
              description: 'swaps the two effects (e.g. claims a large code underfits)',
              points: -0.5,
            },
          ],
        },
      },
    };
  },
  wrong: [
    { part: 'a', why: 'the biases forgotten', response: (v) => String(v.params.encoderWeights) },
    {
      part: 'a',
      why: 'only the first layer counted',
      response: (v) => String(Number(v.params.D) * Number(v.params.h) + Number(v.params.h)),
    },
    { part: 'b', why: 'the biases forgotten', response: (v) => String(v.params.totalWeights) },
    {
      part: 'b',
      why: 'the decoder taken to have exactly as many parameters as the encoder (its biases differ)',
      response: (v) => String(2 * Number(v.params.encoder)),
    },
  ],
};

export default question;
