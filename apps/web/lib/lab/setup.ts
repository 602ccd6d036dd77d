import { z } from 'zod';

/**
 * A training lab set-up: the dataset, the model, the loss, the optimizer and the run's seed. It
 * lives in the page's URL (a link reproduces a run), validated here for the page and the worker.
 */

export const datasets = ['spiral', 'circles', 'xor', 'blobs', 'moons', 'shapes'] as const;
/** the datasets whose examples are images (a small CNN learns them); the others are 2-D points */
export const imageDatasets = ['shapes'] as const;
/** which of the learner's convolutional layers runs: the im2col one or the loop over positions */
export const convolutions = ['fast', 'naive'] as const;
export const activations = ['relu', 'tanh', 'sigmoid', 'leaky-relu'] as const;
export const losses = ['softmax', 'svm'] as const;
export const optimizers = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
/** where the heavy ops (matmul, convolution) run: the WASM kernels, or the GPU through WebGPU */
export const engines = ['wasm', 'webgpu'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const num = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const setupSchema = z.object({
  dataset: z.enum(datasets).default('spiral'),
  /** points (or images) in all, training and validation */
  points: int(60, 4000).default(600),
  /** classes (spiral arms, blobs, shapes); circles, xor and moons have 2 */
  classes: int(2, 5).default(3),
  /** standard deviation of the noise added to each point (to each pixel of an image) */
  noise: num(0, 1).default(0.1),
  /** share of the points held out for validation */
  validation: num(0.05, 0.5).default(0.2),
  /** hidden layer widths, e.g. "100,100" (empty: a linear classifier) */
  hidden: z
    .string()
    .regex(/^(\d{1,3}(,\d{1,3}){0,3})?$/, 'hidden layers: up to 4 widths separated by commas, e.g. 100,100')
    .default('100,100'),
  activation: z.enum(activations).default('relu'),
  /** image datasets: the convolutional layer's filters (3x3, padding 1), before a 2x2 max-pool */
  filters: int(1, 32).default(8),
  /** image datasets: the learner's fast (im2col) or naive convolution */
  conv: z.enum(convolutions).default('fast'),
  /** batch normalization after each hidden affine layer */
  batchnorm: z.enum(['off', 'on']).default('off'),
  /** inverted dropout after each hidden activation: the probability of dropping a unit (0: none) */
  dropout: num(0, 0.9).default(0),
  loss: z.enum(losses).default('softmax'),
  optimizer: z.enum(optimizers).default('adam'),
  learningRate: num(1e-6, 10).default(0.01),
  batchSize: int(1, 1000).default(100),
  /** L2 strength: the loss adds reg * sum(W^2) over the weights (not the biases) */
  reg: num(0, 1).default(0.0001),
  epochs: int(1, 2000).default(200),
  seed: int(0, 1_000_000).default(1),
  /**
   * the engine: WebAssembly (float64, the default: faster for the lab's small networks), or
   * WebGPU (matmul and convolution on the GPU in float32; falls back to WebAssembly, saying why)
   */
  engine: z.enum(engines).default('wasm'),
  /** which code of a passed exercise runs: the passing submission, or the current draft */
  code: z.enum(['submitted', 'draft']).default('submitted'),
});

export type LabSetup = z.infer<typeof setupSchema>;

export const defaultSetup: LabSetup = setupSchema.parse({});

type Dataset = (typeof datasets)[number];

/**
 * Where a dataset starts from other values than the schema's defaults: the image set trains a
 * small CNN, whose pooled features need a narrower head (64) and more examples (2000) than the
 * 2-D sets' 100,100 on 600 points.
 */
const datasetDefaults: Partial<Record<Dataset, Partial<LabSetup>>> = {
  shapes: { points: 2000, hidden: '64' },
};

/** The set-up a dataset starts with. */
export function defaultsFor(dataset: Dataset): LabSetup {
  return { ...defaultSetup, ...datasetDefaults[dataset], dataset };
}

/**
 * The set-up after choosing another dataset: each value still at the old dataset's default
 * takes the new one's; values the learner changed stay.
 */
export function withDataset(setup: LabSetup, dataset: Dataset): LabSetup {
  const before = defaultsFor(setup.dataset);
  const after = defaultsFor(dataset);
  const next: Record<string, unknown> = { ...setup, dataset };
  for (const key of Object.keys(after) as (keyof LabSetup)[])
    if (setup[key] === before[key]) next[key] = after[key];
  return next as LabSetup;
}

/** The classes the dataset has (some datasets are binary whatever `classes` says). */
export function classCount(setup: LabSetup): number {
  return setup.dataset === 'spiral' || setup.dataset === 'blobs' || setup.dataset === 'shapes'
    ? setup.classes
    : 2;
}

/** Whether the set-up's examples are images (the model is then a small CNN, not an MLP). */
export function isImageSet(setup: Pick<LabSetup, 'dataset'>): boolean {
  return (imageDatasets as readonly string[]).includes(setup.dataset);
}

/** The hidden widths as numbers. */
export function hiddenWidths(setup: LabSetup): number[] {
  return setup.hidden === '' ? [] : setup.hidden.split(',').map(Number);
}

/**
 * A set-up from URL search parameters; errors name the parameter. What the URL leaves out comes
 * from `base` (a preset's set-up) or else from the dataset's defaults.
 */
export function parseSetup(
  params: Record<string, string | string[] | undefined>,
  base?: LabSetup,
): {
  setup: LabSetup;
  errors: string[];
} {
  const flat = Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key in setupSchema.shape)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  // the dataset's own defaults fill what the URL leaves out (the URL holds only what differs)
  const startFrom = (fields: Record<string, unknown>): Partial<LabSetup> => {
    if (base) return base;
    const dataset = setupSchema.shape.dataset.safeParse(fields.dataset);
    return dataset.success ? (datasetDefaults[dataset.data] ?? {}) : {};
  };
  const parsed = setupSchema.safeParse({ ...startFrom(flat), ...flat });
  if (parsed.success) return { setup: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // keep every valid field, fall back to the default for the others
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(flat).filter(([key]) => !bad.has(key)));
  return { setup: setupSchema.parse({ ...startFrom(kept), ...kept }), errors };
}

/**
 * The URL search string of a set-up: only what differs from `base` (a preset's set-up) or else
 * from its dataset's defaults.
 */
export function setupQuery(setup: LabSetup, base?: LabSetup): string {
  const query = new URLSearchParams();
  const defaults = base ?? defaultsFor(setup.dataset);
  for (const [key, value] of Object.entries(setup)) {
    const from = key === 'dataset' && !base ? defaultSetup.dataset : defaults[key as keyof LabSetup];
    if (value !== from) query.set(key, String(value));
  }
  return query.toString();
}
