/**
 * Reverse-mode automatic differentiation (after micrograd): a `Tensor` wraps a float64 NDArray
 * `value`; every op that produces a Tensor records its parents and a vector-Jacobian product
 * (VJP) closure. `out.backward()` visits the graph in reverse topological order and hands each
 * node's upstream gradient to its VJP; gradients reaching a node along several paths add up.
 *
 * Broadcasting: an op's VJP returns gradients of the broadcast shape; `unbroadcast` sums them back
 * to each parent's own shape (over the dims that broadcasting added or stretched from 1).
 */
import { asarray } from '../ndarray/creation.ts';
import { ArgumentError, ShapeError } from '../ndarray/errors.ts';
import type { ArrayInput, NDArray } from '../ndarray/ndarray.ts';
import { sum } from '../ndarray/reductions.ts';
import { formatShape, type Shape } from '../ndarray/shape.ts';
import * as ops from './ops.ts';

/** Maps the gradient of an op's output to the gradients of its parents (null: no gradient flows). */
export type Vjp = (grad: NDArray) => readonly (NDArray | null)[];

/** Anything an op accepts: a Tensor, or a constant (NDArray, number, nested array) that needs no gradient. */
export type TensorLike = Tensor | ArrayInput;

let recording = true;

/**
 * Runs fn without recording the graph (like `torch.no_grad()`): tensors made inside are
 * constants. Used for evaluation, numeric gradients and optimiser steps.
 */
export function noGrad<T>(fn: () => T): T {
  const before = recording;
  recording = false;
  try {
    return fn();
  } finally {
    recording = before;
  }
}

/** Whether ops record the graph right now (false inside noGrad). */
export function isRecording(): boolean {
  return recording;
}

interface TensorInit {
  requiresGrad?: boolean;
  parents?: readonly Tensor[];
  vjp?: Vjp;
  op?: string;
  kinkDistance?: () => number;
}

export class Tensor {
  /** The forward value, always float64. */
  readonly value: NDArray;
  /** d(output)/d(this), filled by `backward()` (summed over backward calls until zeroGrad). */
  grad: NDArray | null = null;
  /** Whether gradients flow to this tensor (parameters and inputs you differentiate by). */
  readonly requiresGrad: boolean;
  /** The tensors this one was computed from (empty for leaves and constants). */
  readonly parents: readonly Tensor[];
  /** The name of the op that made this tensor ('leaf' for inputs). */
  readonly op: string;
  /** The VJP of that op. */
  readonly vjp: Vjp | undefined;
  /**
   * For ops that are not differentiable everywhere (relu, max, ...): how far the op's input is
   * from the nearest kink. gradcheck uses it to move its inputs off kinks.
   */
  readonly kinkDistance: (() => number) | undefined;

  constructor(value: ArrayInput, init: TensorInit = {}) {
    this.value = asarray(value, { dtype: 'float64' }, 'Tensor');
    this.requiresGrad = init.requiresGrad ?? false;
    this.parents = init.parents ?? [];
    this.vjp = init.vjp;
    this.op = init.op ?? 'leaf';
    this.kinkDistance = init.kinkDistance;
  }

  get shape(): readonly number[] {
    return this.value.shape;
  }
  get ndim(): number {
    return this.value.ndim;
  }
  get size(): number {
    return this.value.size;
  }

  /** The only element of a size-1 tensor. */
  item(): number {
    return this.value.item();
  }

  /** The same value as a constant: gradients stop here. */
  detach(): Tensor {
    return new Tensor(this.value);
  }

  /** Sets `grad` back to null. */
  zeroGrad(): void {
    this.grad = null;
  }

  /**
   * Backpropagation: seeds d(this)/d(this) with `grad` (default 1, only for a size-1 tensor) and
   * runs every recorded VJP once, in reverse topological order, so that a node's gradient is
   * complete (all paths summed) before it is passed on.
   */
  backward(grad?: ArrayInput): void {
    if (!this.requiresGrad)
      throw new ArgumentError(
        'backward: this tensor does not depend on any tensor with requiresGrad (or was computed inside noGrad)',
      );
    let seed: NDArray;
    if (grad === undefined) {
      if (this.size !== 1)
        throw new ShapeError(
          `backward: the output has shape ${formatShape(this.shape)}; pass the upstream gradient of that shape (only a size-1 output defaults to 1)`,
        );
      seed = asarray(1).reshape(this.shape);
    } else {
      seed = asarray(grad, { dtype: 'float64' }, 'backward');
      if (formatShape(seed.shape) !== formatShape(this.shape))
        throw new ShapeError(
          `backward: the upstream gradient has shape ${formatShape(seed.shape)} but the output has shape ${formatShape(this.shape)}`,
        );
    }
    const grads = new Map<Tensor, NDArray>([[this, seed]]);
    for (const node of topologicalOrder(this).reverse()) {
      const g = grads.get(node);
      if (g === undefined) continue;
      node.grad = node.grad === null ? g.copy() : node.grad.add(g);
      if (node.vjp === undefined) continue;
      const parentGrads = node.vjp(g);
      node.parents.forEach((parent, i) => {
        const pg = parentGrads[i];
        if (!parent.requiresGrad || pg === null || pg === undefined) return;
        const reduced = unbroadcast(pg, parent.shape);
        const before = grads.get(parent);
        grads.set(parent, before === undefined ? reduced : before.add(reduced));
      });
    }
  }

  toString(): string {
    return `Tensor(${this.value.toString()}${this.requiresGrad ? `, op=${this.op}` : ''})`;
  }

  // ---- method forms of the ops (x.matmul(w).add(b)) ----
  add(other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  pow(exponent: number): Tensor {
    return ops.pow(this, exponent);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  matmul(other: TensorLike): Tensor {
    return ops.matmul(this, other);
  }
  sum(options: ops.ReduceOptions = {}): Tensor {
    return ops.sum(this, options);
  }
  mean(options: ops.ReduceOptions = {}): Tensor {
    return ops.mean(this, options);
  }
  max(options: ops.MaxOptions = {}): Tensor {
    return ops.max(this, options);
  }
  reshape(shape: Shape): Tensor {
    return ops.reshape(this, shape);
  }
  transpose(axes?: readonly number[]): Tensor {
    return ops.transpose(this, axes);
  }
  /** The transpose (axes reversed). */
  get T(): Tensor {
    return ops.transpose(this);
  }
}

/** A leaf tensor; `requiresGrad` defaults to true (a parameter or an input to differentiate by). */
export function tensor(value: ArrayInput, options: { requiresGrad?: boolean } = {}): Tensor {
  return new Tensor(value, { requiresGrad: options.requiresGrad ?? true });
}

/** A Tensor as is; anything else as a constant tensor (no gradient). */
export function asTensor(x: TensorLike): Tensor {
  return x instanceof Tensor ? x : new Tensor(x);
}

/**
 * Makes the output tensor of an op: records parents and VJP when some parent needs a gradient
 * (and we are not inside noGrad), else returns a constant.
 */
export function record(
  op: string,
  value: NDArray,
  parents: readonly Tensor[],
  vjp: Vjp,
  kinkDistance?: () => number,
): Tensor {
  if (!recording || !parents.some((p) => p.requiresGrad)) return new Tensor(value);
  return new Tensor(value, { requiresGrad: true, parents, vjp, op, kinkDistance });
}

/**
 * The gradient of a broadcast operand: sums `grad` over the leading dims broadcasting added and
 * over the dims stretched from 1, so that the result has `shape`.
 */
export function unbroadcast(grad: NDArray, shape: Shape): NDArray {
  let g = grad;
  const extra = g.ndim - shape.length;
  if (extra < 0)
    throw new ShapeError(
      `unbroadcast: gradient of shape ${formatShape(g.shape)} cannot belong to an operand of shape ${formatShape(shape)}`,
    );
  if (extra > 0) g = sum(g, { axis: Array.from({ length: extra }, (_, i) => i) });
  const stretched = shape.flatMap((n, d) => (n === 1 && g.shape[d] !== 1 ? [d] : []));
  if (stretched.length > 0) g = sum(g, { axis: stretched, keepdims: true });
  if (formatShape(g.shape) !== formatShape(shape))
    throw new ShapeError(
      `unbroadcast: gradient of shape ${formatShape(grad.shape)} does not broadcast from ${formatShape(shape)}`,
    );
  return g;
}

/** Every tensor `root` depends on, each after all of its parents (iterative DFS: deep RNN graphs are fine). */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [Tensor, number];
    const [node, next] = top;
    const parent = node.parents[next];
    if (parent === undefined) {
      stack.pop();
      order.push(node);
      continue;
    }
    top[1] = next + 1;
    if (!visited.has(parent)) {
      visited.add(parent);
      stack.push([parent, 0]);
    }
  }
  return order;
}
