/**
 * The reference layers, built on the autodiff Tensor: used by the grader and the lectures
 * (`@gradlab/kernels/reference`), never part of the learner's `np`.
 */
export { leakyRelu, relu, sigmoid, softplus, tanh } from '../autodiff/ops.ts';
export { affine } from './affine.ts';
export {
  type AttentionParams,
  attentionWeights,
  MASKED_SCORE,
  multiHeadAttention,
  scaledDotProductAttention,
} from './attention.ts';
export { type Conv2dOptions, conv2d, outputSize } from './conv.ts';
export { type DropoutOptions, dropout } from './dropout.ts';
export { bce, hinge, mse, oneHot, softmaxCrossEntropy } from './losses.ts';
export {
  type BatchnormOptions,
  type BatchnormResult,
  batchnorm,
  layernorm,
} from './normalization.ts';
export { avgPool2d, maxPool2d, type Pool2dOptions } from './pooling.ts';
export { lstmCell, rnnCell } from './recurrent.ts';
export { logSoftmax, softmax } from './softmax.ts';
