/**
 * One sandbox call outside any exercise: load a program, call one of its exports with arrays,
 * report what happened. The hostile corpus runs through this in the grading processes, the same
 * processes and limits as real gradings (see process-pool.ts).
 */
import { createSandbox } from './sandbox/sandbox.ts';
import {
  ArrayValue,
  type FailureStatus,
  GuestHandle,
  type GuestValue,
  type SandboxLimits,
  type SourceLanguage,
} from './sandbox/types.ts';

export interface ProbeRequest {
  code: string;
  language: SourceLanguage;
  limits?: Partial<SandboxLimits>;
  /** the export to call */
  call: string;
  /** float64 arrays passed as the arguments */
  args: { shape: number[]; data: number[] }[];
}

export interface ProbeResult {
  status: 'ok' | FailureStatus;
  message: string;
  /** the call's result, rendered compactly (`nd[2]=1,2`, `{a:1}`), for `ok` */
  value?: string;
}

/** A compact rendering of a sandbox result. */
export function renderValue(value: GuestValue): string {
  if (value instanceof ArrayValue) return `nd[${value.shape.join(',')}]=${[...value.data].join(',')}`;
  if (value instanceof GuestHandle) return `handle(${value.kind})`;
  if (Array.isArray(value)) return `[${value.map(renderValue).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value as Record<string, GuestValue>)
      .map(([k, v]) => `${k}:${renderValue(v)}`)
      .join(',')}}`;
  return String(value);
}

export async function probeSandbox(request: ProbeRequest): Promise<ProbeResult> {
  const created = await createSandbox({
    code: request.code,
    language: request.language,
    ...(request.limits ? { limits: request.limits } : {}),
  });
  if (!created.ok) return { status: created.failure.status, message: created.failure.message };
  const { sandbox } = created;
  try {
    const args = request.args.map((a) => ({
      shape: a.shape,
      dtype: 'float64' as const,
      data: Float64Array.from(a.data),
    }));
    const result = await sandbox.call(request.call, args);
    if (result.ok) return { status: 'ok', message: '', value: renderValue(result.value) };
    return { status: result.failure.status, message: result.failure.message };
  } finally {
    sandbox.dispose();
  }
}
