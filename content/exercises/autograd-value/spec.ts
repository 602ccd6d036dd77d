import type { ExerciseSpec } from '@gradlab/content';

// The learner's class `Value` (micrograd-style). The scenario builds one expression from the
// case's three numbers, in which some Values are used twice, calls backward() on the output and
// checks the output's data and the leaves' gradients.
type Fns = 'Value';
interface ValueLike {
  data: number;
  grad: number;
  add(other: ValueLike | number): ValueLike;
  mul(other: ValueLike | number): ValueLike;
  pow(exponent: number): ValueLike;
  tanh(): ValueLike;
  relu(): ValueLike;
  backward(): void;
}
type ValueClass = new (data: number) => ValueLike;

export const run: ExerciseSpec<Fns>['run'] = (fns, { a, b, c }) => {
  const Value = fns.Value as unknown as ValueClass;
  const x = new Value(a as number);
  const y = new Value(b as number);
  const z = new Value(c as number);
  const e = x.mul(y).add(z); // e = x y + z
  const f = e.mul(e).add(x.pow(3)).mul(0.1); // e and x used twice
  const g = f.tanh().add(y.relu().mul(z)).add(2); // y and z used twice
  const out = g.mul(g.add(x)); // g used twice
  out.backward();
  return { out: out.data, dx: x.grad, dy: y.grad, dz: z.grad, de: e.grad };
};

const spec: ExerciseSpec<Fns> = {
  functions: ['Value'],
  run,
  outputs: {
    out: { label: 'out.data' },
    dx: { label: 'x.grad' },
    dy: { label: 'y.grad' },
    dz: { label: 'z.grad' },
    de: { label: 'e.grad (e = x*y + z, used twice)' },
  },
  cases: [
    {
      name: 'x = 0.5, y = 1.5, z = -2',
      visibility: 'public',
      points: 2,
      seed: 61,
      inputs: () => ({ a: 0.5, b: 1.5, c: -2 }),
    },
    {
      name: 'x = 1.2, y = 0.3, z = 0.7',
      visibility: 'public',
      points: 2,
      seed: 62,
      inputs: () => ({ a: 1.2, b: 0.3, c: 0.7 }),
    },
    {
      name: 'relu at exactly zero',
      visibility: 'hidden',
      points: 2,
      seed: 63,
      inputs: () => ({ a: -0.8, b: 0, c: 1.1 }),
    },
    {
      name: 'negative inputs',
      visibility: 'hidden',
      points: 2,
      seed: 64,
      inputs: () => ({ a: -1.3, b: -0.4, c: -0.9 }),
    },
    {
      name: 'random inputs',
      visibility: 'hidden',
      points: 2,
      seed: 65,
      inputs: (g) => {
        const [a, b, c] = Array.from(g.uniform([3], { low: -1.5, high: 1.5 }).toTypedArray());
        return { a: a ?? 0, b: b ?? 0, c: c ?? 0 };
      },
    },
  ],
};

export default spec;
