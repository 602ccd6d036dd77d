import type { SandboxLimits } from './types.ts';

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryMb: 64,
  callTimeoutMs: 1000,
  totalTimeMs: 10_000,
  maxOutputBytes: 16 * 1024 * 1024,
  maxOutputDepth: 32,
  maxMessageChars: 4000,
  maxSourceChars: 256 * 1024,
});

function positive(name: keyof SandboxLimits, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min)
    throw new RangeError(`sandbox limit ${name} must be a number >= ${min}, got ${value}`);
  return value;
}

/** The defaults overridden by `partial`, checked (a bad limit is a programming error: it throws). */
export function resolveLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const merged = { ...DEFAULT_LIMITS, ...partial };
  return {
    memoryMb: positive('memoryMb', merged.memoryMb, 8),
    callTimeoutMs: positive('callTimeoutMs', merged.callTimeoutMs, 1),
    totalTimeMs: positive('totalTimeMs', merged.totalTimeMs, 1),
    maxOutputBytes: positive('maxOutputBytes', merged.maxOutputBytes, 64),
    maxOutputDepth: positive('maxOutputDepth', merged.maxOutputDepth, 1),
    maxMessageChars: positive('maxMessageChars', merged.maxMessageChars, 80),
    maxSourceChars: positive('maxSourceChars', merged.maxSourceChars, 1),
  };
}
