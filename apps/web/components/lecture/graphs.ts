/**
 * The computational graphs of the graph stepper: nodes in topological order, each with its
 * forward rule and the local derivatives with respect to its inputs.
 */

export interface GraphNode {
  id: string;
  /** how the node is shown, e.g. "q = x + y" */
  label: string;
  inputs: string[];
  forward: (xs: number[]) => number;
  /** d(node)/d(input k), given the input values and the node's own value */
  local: (xs: number[], out: number) => number[];
  /** position in the drawing, in a 0..100 x 0..60 box */
  at: [number, number];
}

export interface Graph {
  id: 'add-mul' | 'neuron';
  name: string;
  leaves: { id: string; initial: number; at: [number, number] }[];
  nodes: GraphNode[];
}

export const graphs: Graph[] = [
  {
    id: 'add-mul',
    name: 'f = (x + y) · z',
    leaves: [
      { id: 'x', initial: 3, at: [8, 10] },
      { id: 'y', initial: -1, at: [8, 30] },
      { id: 'z', initial: -2, at: [8, 50] },
    ],
    nodes: [
      {
        id: 'q',
        label: 'q = x + y',
        inputs: ['x', 'y'],
        forward: ([a = 0, b = 0]) => a + b,
        local: () => [1, 1],
        at: [45, 20],
      },
      {
        id: 'f',
        label: 'f = q · z',
        inputs: ['q', 'z'],
        forward: ([a = 0, b = 0]) => a * b,
        local: ([a = 0, b = 0]) => [b, a],
        at: [82, 35],
      },
    ],
  },
  {
    id: 'neuron',
    name: 'f = σ(w₀x₀ + w₁x₁ + w₂)',
    leaves: [
      { id: 'w0', initial: 2, at: [6, 6] },
      { id: 'x0', initial: 1, at: [6, 18] },
      { id: 'w1', initial: -1, at: [6, 32] },
      { id: 'x1', initial: 0.5, at: [6, 44] },
      { id: 'w2', initial: -3, at: [6, 56] },
    ],
    nodes: [
      {
        id: 'a',
        label: 'a = w₀ · x₀',
        inputs: ['w0', 'x0'],
        forward: ([p = 0, q = 0]) => p * q,
        local: ([p = 0, q = 0]) => [q, p],
        at: [32, 12],
      },
      {
        id: 'b',
        label: 'b = w₁ · x₁',
        inputs: ['w1', 'x1'],
        forward: ([p = 0, q = 0]) => p * q,
        local: ([p = 0, q = 0]) => [q, p],
        at: [32, 38],
      },
      {
        id: 'c',
        label: 'c = a + b',
        inputs: ['a', 'b'],
        forward: ([p = 0, q = 0]) => p + q,
        local: () => [1, 1],
        at: [55, 25],
      },
      {
        id: 's',
        label: 's = c + w₂',
        inputs: ['c', 'w2'],
        forward: ([p = 0, q = 0]) => p + q,
        local: () => [1, 1],
        at: [72, 40],
      },
      {
        id: 'f',
        label: 'f = σ(s)',
        inputs: ['s'],
        forward: ([p = 0]) => 1 / (1 + Math.exp(-p)),
        local: (_xs, out) => [out * (1 - out)],
        at: [90, 25],
      },
    ],
  },
];

export interface Evaluation {
  values: Record<string, number>;
  grads: Record<string, number>;
  /** the order in which the stepper reveals things: forward values, then gradients backwards */
  steps: { phase: 'forward' | 'backward'; id: string; text: string }[];
}

/** Forward pass in topological order, then the backward pass in reverse, accumulating gradients. */
export function evaluate(graph: Graph, inputs: Record<string, number>): Evaluation {
  const values: Record<string, number> = { ...inputs };
  const steps: Evaluation['steps'] = [];
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
  for (const node of graph.nodes) {
    const xs = node.inputs.map((i) => values[i] ?? 0);
    values[node.id] = node.forward(xs);
    steps.push({ phase: 'forward', id: node.id, text: `${node.label} = ${fmt(values[node.id] ?? 0)}` });
  }
  const grads: Record<string, number> = {};
  for (const id of Object.keys(values)) grads[id] = 0;
  const out = graph.nodes.at(-1);
  if (out) grads[out.id] = 1;
  for (const node of [...graph.nodes].reverse()) {
    const xs = node.inputs.map((i) => values[i] ?? 0);
    const local = node.local(xs, values[node.id] ?? 0);
    const upstream = grads[node.id] ?? 0;
    node.inputs.forEach((input, k) => {
      const contribution = (local[k] ?? 0) * upstream;
      grads[input] = (grads[input] ?? 0) + contribution;
      steps.push({
        phase: 'backward',
        id: input,
        text: `∂f/∂${input} += (local ${fmt(local[k] ?? 0)}) × (upstream ∂f/∂${node.id} = ${fmt(upstream)}) → ${fmt(grads[input] ?? 0)}`,
      });
    });
  }
  return { values, grads, steps };
}
