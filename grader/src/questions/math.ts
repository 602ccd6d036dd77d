/**
 * Arithmetic and expressions typed by students, evaluated with mathjs on a checked syntax tree:
 * numbers, the named variables, + - * / ^, parentheses and a short list of functions. Anything
 * else (assignments, other functions, units, matrices, strings) is refused with what was wrong.
 */
import { all, create, type FactoryFunctionMap, type MathNode } from 'mathjs';

const math = create(all as FactoryFunctionMap, {});

const FUNCTIONS = new Set([
  'sqrt',
  'exp',
  'log',
  'ln',
  'sin',
  'cos',
  'tan',
  'tanh',
  'abs',
  'max',
  'min',
  'pow',
]);
const CONSTANTS = new Set(['pi', 'e']);

export class MathInputError extends Error {}

/** Parses and checks an expression; `variables` are the names it may use. */
export function parseExpression(text: string, variables: readonly string[] = []): MathNode {
  if (text.length > 500) throw new MathInputError('too long (at most 500 characters)');
  let source = text
    .replace(/\bln\(/g, 'log(')
    .replace(/×|·/g, '*')
    .replace(/−/g, '-');
  // "y(1 - y)" means a product, as on paper (mathjs would read a call of a function y)
  for (const name of variables)
    if (/^[A-Za-z_]\w*$/.test(name))
      source = source.replace(new RegExp(`\\b${name}\\s*\\(`, 'g'), `${name}*(`);
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    throw new MathInputError(`not readable: ${(error as Error).message}`);
  }
  node.traverse((n, _path, parent) => {
    switch (n.type) {
      case 'ConstantNode':
        if (typeof (n as unknown as { value: unknown }).value !== 'number')
          throw new MathInputError('only numbers are allowed as constants');
        return;
      case 'OperatorNode': {
        const op = (n as unknown as { op: string }).op;
        if (!['+', '-', '*', '/', '^'].includes(op))
          throw new MathInputError(`the operator "${op}" is not allowed`);
        return;
      }
      case 'ParenthesisNode':
        return;
      case 'FunctionNode': {
        const name = (n as unknown as { fn: { name?: string } }).fn.name ?? '';
        if (!FUNCTIONS.has(name)) throw new MathInputError(`the function "${name}" is not allowed`);
        return;
      }
      case 'SymbolNode': {
        const name = (n as unknown as { name: string }).name;
        if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n) return;
        if (!variables.includes(name) && !CONSTANTS.has(name))
          throw new MathInputError(
            variables.length
              ? `unknown name "${name}" (use ${variables.map((v) => `"${v}"`).join(', ')})`
              : `"${name}": give a number`,
          );
        return;
      }
      default:
        throw new MathInputError(`"${n.toString()}" is not allowed here`);
    }
  });
  return node;
}

/** Evaluates a checked expression at a point; NaN when it is not a real number there. */
export function evaluate(node: MathNode, scope: Record<string, number> = {}): number {
  try {
    const value = node.compile().evaluate({ ...scope });
    return typeof value === 'number' ? value : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A number typed by a student: a plain number, or arithmetic such as "16*7*7" or "1/3". */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new MathInputError('no answer');
  const plain = Number(trimmed);
  if (trimmed !== '' && Number.isFinite(plain)) return plain;
  const value = evaluate(parseExpression(trimmed));
  if (!Number.isFinite(value)) throw new MathInputError(`"${trimmed}" is not a finite number`);
  return value;
}

/** A list of numbers: "[1, 2, 3]", "1, 2, 3" or "1 2 3". */
export function parseVector(text: string): number[] {
  const inner = text.trim().replace(/^[[(]\s*|\s*[\])]$/g, '');
  if (inner === '') throw new MathInputError('no answer');
  const items = inner.includes(',') || inner.includes(';') ? inner.split(/[,;]/) : inner.split(/\s+/);
  return items.map((item, i) => {
    try {
      return parseNumber(item);
    } catch (error) {
      throw new MathInputError(`entry ${i + 1}: ${(error as Error).message}`);
    }
  });
}
