import { isImageSet, type LabSetup } from './setup.ts';

/**
 * The lab's blocks and the exercises whose code runs them: each block is the learner's own
 * implementation, loaded from their passing submission of that exercise.
 */
export interface Block {
  /** what the learner sees */
  name: string;
  /** the exercise that implements it */
  exercise: string;
  /** the functions the lab calls */
  functions: string[];
}

export const blocks = {
  'conv-fast': {
    name: 'Convolution',
    exercise: 'conv-fast',
    functions: ['convForwardFast', 'convBackwardFast'],
  },
  'conv-naive': {
    name: 'Convolution',
    exercise: 'conv-naive',
    functions: ['convForwardNaive', 'convBackwardNaive'],
  },
  maxpool: {
    name: 'Max pooling',
    exercise: 'max-pool',
    functions: ['maxPoolForwardNaive', 'maxPoolBackwardNaive'],
  },
  affine: { name: 'Affine layer', exercise: 'affine-layer', functions: ['affineForward', 'affineBackward'] },
  relu: { name: 'ReLU', exercise: 'relu-layer', functions: ['reluForward', 'reluBackward'] },
  tanh: { name: 'tanh', exercise: 'activations', functions: ['tanhForward', 'tanhBackward'] },
  sigmoid: { name: 'Sigmoid', exercise: 'activations', functions: ['sigmoidForward', 'sigmoidBackward'] },
  'leaky-relu': {
    name: 'Leaky ReLU',
    exercise: 'activations',
    functions: ['leakyReluForward', 'leakyReluBackward'],
  },
  batchnorm: {
    name: 'Batch normalization',
    exercise: 'batchnorm',
    functions: ['batchnormForward', 'batchnormBackward'],
  },
  dropout: { name: 'Dropout', exercise: 'dropout', functions: ['dropoutForward', 'dropoutBackward'] },
  softmax: { name: 'Softmax loss', exercise: 'softmax-loss', functions: ['softmaxLoss'] },
  svm: { name: 'SVM loss', exercise: 'svm-loss', functions: ['svmLoss'] },
  sgd: { name: 'SGD', exercise: 'optimizers', functions: ['sgd'] },
  momentum: { name: 'SGD with momentum', exercise: 'optimizers', functions: ['sgdMomentum'] },
  rmsprop: { name: 'RMSProp', exercise: 'optimizers', functions: ['rmsprop'] },
  adam: { name: 'Adam', exercise: 'optimizers', functions: ['adam'] },
} as const satisfies Record<string, Block>;

export type BlockId = keyof typeof blocks;

/**
 * The blocks a set-up uses, in the order data meets them: for images a convolution, its
 * activation and a max-pool first; then the affine layer always, and for hidden layers their
 * batch normalization, activation and dropout; the loss; the optimizer. Each block once.
 */
export function blocksOf(setup: LabSetup): BlockId[] {
  const conv: BlockId[] = isImageSet(setup)
    ? [setup.conv === 'naive' ? 'conv-naive' : 'conv-fast', setup.activation, 'maxpool']
    : [];
  const hidden: BlockId[] =
    setup.hidden === ''
      ? []
      : [
          ...(setup.batchnorm === 'on' ? (['batchnorm'] as const) : []),
          setup.activation,
          ...(setup.dropout > 0 ? (['dropout'] as const) : []),
        ];
  return [...new Set<BlockId>([...conv, 'affine', ...hidden, setup.loss, setup.optimizer])];
}

/** The exercises behind every block, once each. */
export const labExercises: string[] = [...new Set(Object.values(blocks).map((b) => b.exercise))];
