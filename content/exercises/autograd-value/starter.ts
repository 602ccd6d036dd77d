/**
 * A scalar that remembers how it was computed, micrograd-style. `np` is not needed here.
 * Every operation returns a new Value; backward() fills in `grad` of every Value the result
 * depends on.
 */
export class Value {
  data: number;
  grad = 0;

  constructor(data: number) {
    this.data = data;
  }

  add(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    // TODO: remember the inputs and how to pass the gradient back to them
    return new Value(this.data + o.data);
  }

  mul(other: Value | number): Value {
    const o = other instanceof Value ? other : new Value(other);
    return new Value(this.data * o.data);
  }

  pow(exponent: number): Value {
    return new Value(this.data ** exponent);
  }

  tanh(): Value {
    return new Value(Math.tanh(this.data));
  }

  relu(): Value {
    return new Value(Math.max(0, this.data));
  }

  backward(): void {
    // TODO: order the graph topologically, set this.grad = 1, then apply each node's rule from
    // the output back to the inputs (gradients add up when a Value is used twice).
    this.grad = 1;
  }
}
