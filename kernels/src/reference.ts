/**
 * `@gradlab/kernels/reference`: the reference implementations the grader and the lectures use:
 * reverse-mode autodiff (Tensor and its ops), gradient checking, and the reference layers.
 * Deliberately a separate entry: the learner's sandbox bundles only `np` (array-level ops).
 */
export * from './autodiff/index.ts';
export * from './layers/index.ts';
