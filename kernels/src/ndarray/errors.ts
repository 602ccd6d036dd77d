/**
 * The errors the array engine throws. Every message names the operation, what it expected
 * and what it got, so that a learner can act on it.
 */

/** Base class of every error thrown by NDArray and `np`. */
export class NDArrayError extends Error {
  override name = 'NDArrayError';
}

/** Shapes that do not fit together (broadcasting, matmul, reshape, concatenate, ...). */
export class ShapeError extends NDArrayError {
  override name = 'ShapeError';
}

/** An axis that does not exist for the array's number of dimensions, or is repeated. */
export class AxisError extends NDArrayError {
  override name = 'AxisError';
}

/** An index out of bounds, too many indices, or a malformed index. */
export class IndexError extends NDArrayError {
  override name = 'IndexError';
}

/** A dtype that the operation does not accept. */
export class DTypeError extends NDArrayError {
  override name = 'DTypeError';
}

/** Any other invalid argument (a bad option value, an empty reduction, ...). */
export class ArgumentError extends NDArrayError {
  override name = 'ArgumentError';
}
