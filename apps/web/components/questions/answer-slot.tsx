'use client';
import { useId } from 'react';
import { type PublicPart, useQuestion } from './question-context.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Shows the key after grading, in the form the student would have typed it. */
function keyText(part: PublicPart, key: unknown): string {
  if (key === null || key === undefined) return '';
  const pick = (list: string[] | undefined, i: unknown) =>
    typeof i === 'number' ? (list?.[i] ?? String(i)) : String(i);
  switch (part.type) {
    case 'choice':
      return pick(part.options, key);
    case 'multi':
      return (key as number[]).length
        ? (key as number[]).map((i) => pick(part.options, i)).join('; ')
        : 'none of them';
    case 'matching':
      return (key as number[]).map((r, i) => `${part.left?.[i]} → ${pick(part.right, r)}`).join('; ');
    case 'ordering':
      return (key as number[]).map((i) => pick(part.items, i)).join(' → ');
    case 'matrix':
      return (key as string[][]).map((row) => row.join(' ')).join(' ; ');
    case 'constraint':
      return `for example ${Object.entries(key as Record<string, string>)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ')}`;
    case 'yes-no':
      return (key as { answer: boolean }).answer ? 'yes' : 'no';
    default:
      return String(key);
  }
}

/**
 * The input of one part of a question, chosen by its answer type, with its result and key under
 * it once graded. Placed in the prompt by `<Answer part="a" />`.
 */
export function AnswerSlot({ part: partId }: { part: string }) {
  const { parts, responses, setResponse, results, keys, locked } = useQuestion();
  const id = useId();
  const part = parts[partId];
  if (!part) return <p className="error-text">This question has no part "{partId}".</p>;
  const value = responses[partId];
  const set = (next: unknown) => setResponse(partId, next);
  const result = results?.[partId];
  const label = `Answer to part ${partId}`;
  let input: React.ReactNode;
  switch (part.type) {
    case 'choice':
      input = (
        <fieldset className="answer-options" disabled={locked}>
          <legend>{label}</legend>
          {part.options?.map((option, i) => (
            <label key={option}>
              <input type="radio" name={id} checked={value === i} onChange={() => set(i)} /> {option}
            </label>
          ))}
        </fieldset>
      );
      break;
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as number[]) : [];
      input = (
        <fieldset className="answer-options" disabled={locked}>
          <legend>{label} (select all that apply)</legend>
          {part.options?.map((option, i) => (
            <label key={option}>
              <input
                type="checkbox"
                checked={chosen.includes(i)}
                onChange={(e) =>
                  set(e.currentTarget.checked ? [...chosen, i] : chosen.filter((c) => c !== i))
                }
              />{' '}
              {option}
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'matching': {
      const chosen = Array.isArray(value) ? (value as number[]) : (part.left ?? []).map(() => -1);
      input = (
        <fieldset className="answer-options" disabled={locked}>
          <legend>{label}</legend>
          {part.left?.map((left, i) => (
            <label key={left}>
              {left}{' '}
              <select
                value={chosen[i] ?? -1}
                onChange={(e) => set(chosen.map((c, j) => (j === i ? Number(e.currentTarget.value) : c)))}
              >
                <option value={-1}>choose…</option>
                {part.right?.map((right, r) => (
                  <option key={right} value={r}>
                    {right}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'ordering': {
      const order = Array.isArray(value) ? (value as number[]) : (part.items ?? []).map((_, i) => i);
      const move = (from: number, to: number) => {
        const next = [...order];
        [next[from], next[to]] = [next[to] as number, next[from] as number];
        set(next);
      };
      input = (
        <fieldset className="answer-options" disabled={locked}>
          <legend>{label} (first to last)</legend>
          <ol>
            {order.map((item, position) => (
              <li key={part.items?.[item]}>
                {part.items?.[item]}{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={position === 0}
                  onClick={() => move(position, position - 1)}
                  aria-label={`Move "${part.items?.[item]}" up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={position === order.length - 1}
                  onClick={() => move(position, position + 1)}
                  aria-label={`Move "${part.items?.[item]}" down`}
                >
                  ↓
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
      );
      break;
    }
    case 'matrix': {
      const rows = part.rows ?? 1;
      const columns = part.columns ?? 1;
      const grid = Array.isArray(value)
        ? (value as string[][])
        : Array.from({ length: rows }, () => Array.from({ length: columns }, () => ''));
      input = (
        <fieldset className="answer-matrix" disabled={locked}>
          <legend>{label}</legend>
          {grid.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the matrix's rows are positions
            <div key={r}>
              {row.map((cell, c) => (
                <input
                  // biome-ignore lint/suspicious/noArrayIndexKey: the matrix's columns are positions
                  key={c}
                  aria-label={`${label}, row ${r + 1}, column ${c + 1}`}
                  value={cell}
                  size={6}
                  onChange={(e) =>
                    set(
                      grid.map((rw, i) =>
                        i === r ? rw.map((x, j) => (j === c ? e.currentTarget.value : x)) : rw,
                      ),
                    )
                  }
                />
              ))}
            </div>
          ))}
        </fieldset>
      );
      break;
    }
    case 'constraint': {
      const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, string>;
      input = (
        <fieldset className="answer-options inline" disabled={locked}>
          <legend>{label}</legend>
          {part.fields?.map((field) => (
            <label key={field}>
              {field}{' '}
              <input
                size={5}
                value={given[field] ?? ''}
                onChange={(e) => set({ ...given, [field]: e.currentTarget.value })}
              />
            </label>
          ))}
        </fieldset>
      );
      break;
    }
    case 'yes-no': {
      const given = (typeof value === 'object' && value !== null ? value : {}) as {
        answer?: boolean;
        reason?: string;
      };
      input = (
        <fieldset className="answer-options" disabled={locked}>
          <legend>{label}</legend>
          <label>
            <input
              type="radio"
              name={id}
              checked={given.answer === true}
              onChange={() => set({ ...given, answer: true })}
            />{' '}
            Yes
          </label>
          <label>
            <input
              type="radio"
              name={id}
              checked={given.answer === false}
              onChange={() => set({ ...given, answer: false })}
            />{' '}
            No
          </label>
          {part.reason ? (
            <label className="block-label">
              Your reason
              <textarea
                rows={3}
                value={given.reason ?? ''}
                onChange={(e) => set({ ...given, reason: e.currentTarget.value })}
              />
            </label>
          ) : null}
        </fieldset>
      );
      break;
    }
    case 'code':
      input = (
        <label className="block-label">
          {label}{' '}
          <span className="muted">(TypeScript; graded with the exercise's cases after you submit)</span>
          <textarea
            className="code-answer"
            rows={14}
            disabled={locked}
            value={text(value)}
            onChange={(e) => set(e.currentTarget.value)}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
          />
        </label>
      );
      break;
    case 'text':
      input = (
        <label className="block-label">
          {label}
          <textarea
            rows={5}
            disabled={locked}
            value={text(value)}
            onChange={(e) => set(e.currentTarget.value)}
          />
        </label>
      );
      break;
    default: {
      const hint =
        part.type === 'shape'
          ? 'e.g. N x 16 x 7 x 7'
          : part.type === 'expression'
            ? `in ${part.variables?.join(', ')}`
            : part.type === 'numeric' && part.vector
              ? `${part.vector} numbers, e.g. [0.5, -1]`
              : '';
      input = (
        <label className="answer-line">
          {label}
          {hint ? <span className="muted"> ({hint})</span> : null}{' '}
          <input
            disabled={locked}
            value={text(value)}
            onChange={(e) => set(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      );
    }
  }
  return (
    <div className={`answer answer-${part.type}`} data-testid={`answer-${partId}`}>
      {input}
      <span className="muted">
        {' '}
        {part.points} point{part.points === 1 ? '' : 's'}
      </span>
      {result ? (
        <p
          className={
            result.status === 'correct' ? 'ok-text' : result.status === 'manual' ? 'muted' : 'error-text'
          }
          data-testid={`result-${partId}`}
        >
          {result.points} / {result.maxPoints}: {result.feedback}
          {keys && result.status !== 'correct' && part.type !== 'text' && part.type !== 'code' ? (
            <> · key: {keyText(part, keys[partId])}</>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
