import { z } from 'zod';

/** Longest display name accepted (characters). */
export const MAX_NAME_LENGTH = 100;
/** Longest email address accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed UTF-16 (no lone surrogate, which has no UTF-8 encoding). */
export function isWellFormed(text: string): boolean {
  return !loneSurrogate.test(text);
}

/** The path of the first string in a JSON value that is not well-formed, or null. */
export function malformedStringPath(value: unknown, at: string[] = []): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : at.join('.') || 'body';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = malformedStringPath(value[i], [...at, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormed(key)) return [...at, '(key)'].join('.');
      const found = malformedStringPath(item, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A person's display name: trimmed, 1 to MAX_NAME_LENGTH characters, no control characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(MAX_NAME_LENGTH, `name must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((name) => !/\p{Cc}/u.test(name), 'name must not contain control characters');

export const emailSchema = z
  .string()
  .max(MAX_EMAIL_LENGTH, `email must be at most ${MAX_EMAIL_LENGTH} characters`);
