import {
  beginStepArena,
  createRandom,
  endStepArena,
  GpuBridgeError,
  inStepArena,
  NDArray,
  np,
  type Random,
} from '@gradlab/kernels';
import { type BlockId, blocks, blocksOf } from './blocks.ts';
import type { Dataset, Points } from './datasets.ts';
import { hiddenWidths, isImageSet, type LabSetup } from './setup.ts';

/**
 * Training a network made of the learner's own blocks: affine layers with an activation between
 * them, a loss, an optimizer, all called through the learner's functions (their exercise code).
 * For images a small CNN: a convolution, its activation and a 2x2 max-pool come first, then the
 * same affine layers on the pooled features.
 * The engine only draws the initial weights, batches the data and measures. Runs in the lab's
 * Web Worker, and in Node for tests and the benchmark (with the reference solutions).
 */

/** The learner's modules by exercise id (the exports of their compiled code). */
export type LearnerModules = Record<string, Record<string, unknown>>;

/** A failure inside a learner's block, named for the learner. */
export class BlockError extends Error {
  constructor(
    readonly block: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StepResult {
  step: number;
  epoch: number;
  loss: number;
  /** the L2 norm of each layer's weight gradient, first layer (the convolution, for images) first */
  gradNorms: number[];
}

type Fn = (...args: unknown[]) => Record<string, unknown>;

interface Layer {
  w: NDArray;
  b: NDArray;
  wConfig: Record<string, unknown>;
  bConfig: Record<string, unknown>;
  /** batch normalization of a hidden layer: its scale and shift, their optimizer state, running statistics */
  norm?: {
    gamma: NDArray;
    beta: NDArray;
    gammaConfig: Record<string, unknown>;
    betaConfig: Record<string, unknown>;
    bnParam: Record<string, unknown>;
  };
}

/** The convolutional stage of a CNN: filters (F, C, 3, 3), their biases, and the layer's settings. */
interface ConvStage {
  id: 'conv-fast' | 'conv-naive';
  w: NDArray;
  b: NDArray;
  wConfig: Record<string, unknown>;
  bConfig: Record<string, unknown>;
  convParam: { stride: number; pad: number };
  poolParam: { poolHeight: number; poolWidth: number; stride: number };
}

type Mode = 'train' | 'test';

const finite = (x: NDArray) => {
  const data = x.toTypedArray() as Float64Array;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i] as number)) return false;
  return true;
};

export class Trainer {
  readonly layers: Layer[] = [];
  /** the convolution before the affine layers (image sets only) */
  readonly conv: ConvStage | null = null;
  readonly random: Random;
  step = 0;
  readonly stepsPerEpoch: number;
  private order: Int32Array = new Int32Array(0);
  private readonly functions: Record<string, Fn> = {};
  private readonly train: { x: NDArray; y: NDArray };
  /** the pooled features' shape in the last training forward pass, to unflatten their gradient */
  private pooledShape: number[] = [];

  constructor(
    readonly setup: LabSetup,
    readonly data: Dataset,
    modules: LearnerModules,
  ) {
    for (const id of blocksOf(setup)) {
      const block = blocks[id];
      const module = modules[block.exercise];
      for (const name of block.functions) {
        const fn = module?.[name];
        if (typeof fn !== 'function')
          throw new BlockError(block.name, `your ${block.exercise} code has no function ${name}`);
        this.functions[name] = fn as Fn;
      }
    }
    this.random = createRandom(setup.seed + 1);
    const gain = setup.activation === 'relu' || setup.activation === 'leaky-relu' ? 2 : 1;
    let features = data.shape[0] ?? 2;
    if (isImageSet(setup)) {
      const [channels = 1, height = 0, width = 0] = data.shape;
      const filters = setup.filters;
      const config = () => ({ learningRate: setup.learningRate });
      this.conv = {
        id: setup.conv === 'naive' ? 'conv-naive' : 'conv-fast',
        // He initialization over the filter's fan-in C * 3 * 3
        w: this.random.randn(filters, channels, 3, 3).multiply(Math.sqrt(gain / (channels * 9))),
        b: np.zeros([filters]),
        wConfig: config(),
        bConfig: config(),
        // padding 1 keeps the image's size; the 2x2 pool halves it
        convParam: { stride: 1, pad: 1 },
        poolParam: { poolHeight: 2, poolWidth: 2, stride: 2 },
      };
      features = filters * Math.floor(height / 2) * Math.floor(width / 2);
    }
    const widths = [features, ...hiddenWidths(setup), data.classes];
    for (let i = 0; i + 1 < widths.length; i++) {
      const fanIn = widths[i] as number;
      const fanOut = widths[i + 1] as number;
      const last = i + 2 === widths.length;
      const scale = Math.sqrt((last ? 1 : gain) / fanIn);
      const config = () => ({ learningRate: setup.learningRate });
      this.layers.push({
        w: this.random.randn(fanIn, fanOut).multiply(scale),
        b: np.zeros([fanOut]),
        wConfig: config(),
        bConfig: config(),
        ...(setup.batchnorm === 'on' && !last
          ? {
              norm: {
                gamma: np.ones([fanOut]),
                beta: np.zeros([fanOut]),
                gammaConfig: config(),
                betaConfig: config(),
                bnParam: { mode: 'train' },
              },
            }
          : {}),
      });
    }
    this.train = points(data.train, data.shape);
    this.stepsPerEpoch = Math.ceil(data.train.y.length / setup.batchSize);
  }

  /** Calls a learner's function, naming the block when it throws or returns nonsense. */
  private call(id: BlockId, name: string, args: unknown[]): Record<string, unknown> {
    const fn = this.functions[name] as Fn;
    let result: unknown;
    try {
      result = fn(...args);
    } catch (error) {
      // the GPU failed under the learner's code: not their block's fault
      if (error instanceof GpuBridgeError) throw error;
      throw new BlockError(
        blocks[id].name,
        `your ${name} (${blocks[id].exercise}) threw: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (typeof result !== 'object' || result === null)
      throw new BlockError(blocks[id].name, `your ${name} (${blocks[id].exercise}) returned no object`);
    return result as Record<string, unknown>;
  }

  /** The forward pass to the scores; `where` collects the first block that made a non-finite value. */
  private forward(
    x: NDArray,
    caches: unknown[] | null,
    where: { first: string | null },
    mode: Mode = 'train',
  ): NDArray {
    let h = x;
    // layers are numbered from 1, the convolution (when there is one) first
    const first = this.conv ? 2 : 1;
    const note = (i: number, block: string) => {
      if (where.first === null && !finite(h)) where.first = `layer ${i + first} (${block}) forward`;
    };
    if (this.conv) {
      const conv = this.conv;
      const made = this.call(conv.id, blocks[conv.id].functions[0], [h, conv.w, conv.b, conv.convParam]);
      h = made.out as NDArray;
      caches?.push(made.cache);
      note(-1, blocks[conv.id].name);
      const act = this.activation(h);
      h = act.out as NDArray;
      caches?.push(act.cache);
      note(-1, blocks[this.setup.activation].name);
      const pool = this.call('maxpool', 'maxPoolForwardNaive', [h, conv.poolParam]);
      h = pool.out as NDArray;
      caches?.push(pool.cache);
      note(-1, blocks.maxpool.name);
      if (mode === 'train') this.pooledShape = [...h.shape];
      // the affine layers see each image's pooled features as one row
      h = h.reshape(h.shape[0] ?? 0, -1);
    }
    for (const [i, layer] of this.layers.entries()) {
      const affine = this.call('affine', 'affineForward', [h, layer.w, layer.b]);
      h = affine.out as NDArray;
      caches?.push(affine.cache);
      note(i, 'affine');
      if (i + 1 === this.layers.length) break;
      if (layer.norm) {
        const bn = this.call('batchnorm', 'batchnormForward', [
          h,
          layer.norm.gamma,
          layer.norm.beta,
          { ...layer.norm.bnParam, mode },
        ]);
        h = bn.out as NDArray;
        caches?.push(bn.cache);
        // only training batches move the running statistics
        if (mode === 'train' && bn.bnParam) layer.norm.bnParam = bn.bnParam as Record<string, unknown>;
        note(i, blocks.batchnorm.name);
      }
      const act = this.activation(h);
      h = act.out as NDArray;
      caches?.push(act.cache);
      note(i, blocks[this.setup.activation].name);
      if (this.setup.dropout > 0) {
        const drop = this.call('dropout', 'dropoutForward', [
          h,
          // evaluation draws nothing, so how often the page measures never changes the run
          {
            p: this.setup.dropout,
            mode,
            u: mode === 'train' ? this.random.rand(...h.shape) : np.onesLike(h),
          },
        ]);
        h = drop.out as NDArray;
        caches?.push(drop.cache);
        note(i, blocks.dropout.name);
      }
    }
    return h;
  }

  private activation(h: NDArray): Record<string, unknown> {
    const id = this.setup.activation;
    const [forward] = blocks[id].functions;
    return this.call(id, forward, id === 'leaky-relu' ? [h, 0.01] : [h]);
  }

  /** The data loss and its gradient through the learner's loss block. */
  private lossOf(scores: NDArray, y: NDArray): { loss: number; dscores: NDArray } {
    const id = this.setup.loss;
    const result = this.call(id, blocks[id].functions[0], [scores, y]);
    const loss = Number(result.loss);
    const dscores = result.dscores as NDArray;
    return { loss, dscores };
  }

  /** The next minibatch's indices (a new permutation each epoch). */
  private batch(): Int32Array {
    const n = this.data.train.y.length;
    const start = (this.step % this.stepsPerEpoch) * this.setup.batchSize;
    if (start === 0) this.order = this.random.permutation(n).toTypedArray() as Int32Array;
    return this.order.slice(start, Math.min(n, start + this.setup.batchSize));
  }

  /**
   * One optimizer step on one minibatch. Throws a BlockError naming the block that failed. The
   * step's arrays live in the engine's step arena, reused by the next step; what the model keeps
   * (parameters, optimizer state, running statistics) is copied out of it at the end.
   */
  trainStep(): StepResult {
    beginStepArena();
    try {
      return this.stepInArena();
    } finally {
      endStepArena();
      this.keepState();
    }
  }

  /** Copies every array the model keeps out of the step arena. */
  private keepState(): void {
    const kept = <T>(value: T): T =>
      value instanceof NDArray && inStepArena(value.data) ? (value.copy() as T) : value;
    const keptAll = (record: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(record)) record[key] = kept(value);
      return record;
    };
    if (this.conv) {
      this.conv.w = kept(this.conv.w);
      this.conv.b = kept(this.conv.b);
      keptAll(this.conv.wConfig);
      keptAll(this.conv.bConfig);
    }
    for (const layer of this.layers) {
      layer.w = kept(layer.w);
      layer.b = kept(layer.b);
      keptAll(layer.wConfig);
      keptAll(layer.bConfig);
      if (layer.norm) {
        layer.norm.gamma = kept(layer.norm.gamma);
        layer.norm.beta = kept(layer.norm.beta);
        keptAll(layer.norm.gammaConfig);
        keptAll(layer.norm.betaConfig);
        keptAll(layer.norm.bnParam);
      }
    }
  }

  private stepInArena(): StepResult {
    const index = np.array(this.batch());
    const x = np.take(this.train.x, index, { axis: 0 });
    const y = np.take(this.train.y, index, { axis: 0 });
    const caches: unknown[] = [];
    const where = { first: null as string | null };
    const scores = this.forward(x, caches, where);
    const data = this.lossOf(scores, y);
    let loss = data.loss;
    for (const layer of this.layers) loss += this.setup.reg * layer.w.square().sum().item();
    if (this.conv) loss += this.setup.reg * this.conv.w.square().sum().item();
    if (!Number.isFinite(loss))
      throw new BlockError(
        where.first ?? blocks[this.setup.loss].name,
        `the loss is ${loss} at step ${this.step + 1}: ${where.first ? `the first non-finite value came from ${where.first}` : 'the scores were finite, so the loss block made it'}. A smaller learning rate often helps.`,
      );
    // backward, last layer first
    let dout = data.dscores;
    const gradNorms: number[] = [];
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i] as Layer;
      const id = this.setup.optimizer;
      const update = blocks[id].functions[0];
      if (i + 1 < this.layers.length) {
        if (this.setup.dropout > 0)
          dout = this.call('dropout', 'dropoutBackward', [dout, caches.pop()]).dx as NDArray;
        const act = this.setup.activation;
        dout = this.call(act, blocks[act].functions[1], [dout, caches.pop()]).dx as NDArray;
        if (layer.norm) {
          const bn = this.call('batchnorm', 'batchnormBackward', [dout, caches.pop()]);
          dout = bn.dx as NDArray;
          const gamma = this.call(id, update, [layer.norm.gamma, bn.dgamma, layer.norm.gammaConfig]);
          const beta = this.call(id, update, [layer.norm.beta, bn.dbeta, layer.norm.betaConfig]);
          layer.norm.gamma = gamma.nextW as NDArray;
          layer.norm.beta = beta.nextW as NDArray;
          layer.norm.gammaConfig = gamma.config as Record<string, unknown>;
          layer.norm.betaConfig = beta.config as Record<string, unknown>;
        }
      }
      const grads = this.call('affine', 'affineBackward', [dout, caches.pop()]);
      const dw = (grads.dw as NDArray).add(layer.w.multiply(2 * this.setup.reg));
      const db = grads.db as NDArray;
      dout = grads.dx as NDArray;
      gradNorms.unshift(Math.sqrt(dw.square().sum().item()));
      const wNext = this.call(id, update, [layer.w, dw, layer.wConfig]);
      const bNext = this.call(id, update, [layer.b, db, layer.bConfig]);
      layer.w = wNext.nextW as NDArray;
      layer.b = bNext.nextW as NDArray;
      layer.wConfig = wNext.config as Record<string, unknown>;
      layer.bConfig = bNext.config as Record<string, unknown>;
    }
    if (this.conv) gradNorms.unshift(this.convBackward(dout.reshape(this.pooledShape), caches));
    this.step += 1;
    return { step: this.step, epoch: this.step / this.stepsPerEpoch, loss, gradNorms };
  }

  /**
   * The CNN's first stage backward: the pool, the activation and the convolution, from the pooled
   * features' gradient; updates the filters. Returns the L2 norm of the filters' gradient.
   */
  private convBackward(dpooled: NDArray, caches: unknown[]): number {
    const conv = this.conv as ConvStage;
    const id = this.setup.optimizer;
    const update = blocks[id].functions[0];
    let dout = this.call('maxpool', 'maxPoolBackwardNaive', [dpooled, caches.pop()]).dx as NDArray;
    const act = this.setup.activation;
    dout = this.call(act, blocks[act].functions[1], [dout, caches.pop()]).dx as NDArray;
    const grads = this.call(conv.id, blocks[conv.id].functions[1], [dout, caches.pop()]);
    const dw = (grads.dw as NDArray).add(conv.w.multiply(2 * this.setup.reg));
    const wNext = this.call(id, update, [conv.w, dw, conv.wConfig]);
    const bNext = this.call(id, update, [conv.b, grads.db as NDArray, conv.bConfig]);
    conv.w = wNext.nextW as NDArray;
    conv.b = bNext.nextW as NDArray;
    conv.wConfig = wNext.config as Record<string, unknown>;
    conv.bConfig = bNext.config as Record<string, unknown>;
    return Math.sqrt(dw.square().sum().item());
  }

  /** The predicted class of each point (row of `x`). */
  predict(x: NDArray): Int32Array {
    const scores = this.forward(x, null, { first: null }, 'test');
    return np.argmax(scores, { axis: 1 }).toTypedArray() as Int32Array;
  }

  /** The data loss (no regularization), the accuracy and the predicted classes on a set, from one forward pass. */
  evaluate(set: Points): { loss: number; accuracy: number; predicted: Int32Array } {
    const { x, y } = points(set, this.data.shape);
    const scores = this.forward(x, null, { first: null }, 'test');
    const predicted = np.argmax(scores, { axis: 1 }).toTypedArray() as Int32Array;
    const labels = set.y;
    let right = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) right += 1;
    return {
      loss: this.lossOf(scores, y).loss,
      accuracy: predicted.length === 0 ? 0 : right / predicted.length,
      predicted,
    };
  }

  accuracy(set: Points): number {
    return this.evaluate(set).accuracy;
  }

  /** The data loss on a set (no regularization), e.g. the validation loss. */
  loss(set: Points): number {
    return this.evaluate(set).loss;
  }

  /** The class predicted at each cell of a grid over [-1.5, 1.5]^2 (row by row, top row first). */
  boundary(resolution: number): Int32Array {
    const cells = new Float64Array(2 * resolution * resolution);
    for (let r = 0; r < resolution; r++)
      for (let c = 0; c < resolution; c++) {
        const k = r * resolution + c;
        cells[2 * k] = -1.5 + (3 * (c + 0.5)) / resolution;
        cells[2 * k + 1] = 1.5 - (3 * (r + 0.5)) / resolution;
      }
    return this.predict(np.array(cells).reshape([resolution * resolution, 2]));
  }
}

function points(set: Points, shape: number[]): { x: NDArray; y: NDArray } {
  return { x: np.array(set.x).reshape([set.y.length, ...shape]), y: np.array(set.y) };
}
