import 'server-only';
import type { z } from 'zod';
import { isSameSiteRequest, siteOrigins } from './origins.ts';
import { currentUser, type SessionUser } from './session.ts';
import { malformedStringPath } from './text-limits.ts';

/** A JSON error response `{ error }` with a 4xx/5xx status. */
export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Largest JSON body accepted (code is limited to 100 KB; the body adds a little). */
export const MAX_BODY_BYTES = 110 * 1024;
/** Largest learner source accepted, in bytes of UTF-8. */
export const MAX_CODE_BYTES = 100 * 1024;

/**
 * Reads a request body as UTF-8 text, counting bytes as they arrive: a body over `maxBytes`
 * (declared or streamed, chunked included) is refused with 413 as soon as it passes the limit,
 * without reading the rest; bytes that are not UTF-8 are a 400.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `request body too large (at most ${maxBytes} bytes)`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'the body is not valid UTF-8');
  }
}

/** Reads and validates a JSON body; throws HttpError(415/413/400) with a message that says why. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  // JSON only: a cross-site HTML form cannot send this content type without a CORS preflight.
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as application/json');
  const text = await readLimitedText(request, MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body must be JSON');
  }
  // JSON may escape a lone UTF-16 surrogate ("\ud800"), which no UTF-8 text can hold.
  const malformed = malformedStringPath(data);
  if (malformed)
    throw new HttpError(400, `invalid request: ${malformed}: malformed Unicode (a lone surrogate)`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new HttpError(400, `invalid request: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export async function requireApiUser(request: Request): Promise<SessionUser> {
  const user = await currentUser(request.headers);
  if (!user) throw new HttpError(401, 'sign in first');
  return user;
}

export async function requireApiInstructor(request: Request): Promise<SessionUser> {
  const user = await requireApiUser(request);
  if (user.role !== 'instructor') throw new HttpError(403, 'instructors only');
  return user;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
let originList: string[] | null = null;
function origins(): string[] {
  originList ??= siteOrigins();
  return originList;
}

/** Wraps a route handler: HttpErrors become `{ error }` responses, anything else a 500. */
export function handle<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      // State-changing requests only from the site's own pages (a second line of defence
      // against cross-site requests, beside SameSite cookies and JSON-only bodies).
      if (!safeMethods.has(request.method) && !isSameSiteRequest(request.headers, origins())) {
        throw new HttpError(403, 'cross-origin request refused: send it from the site itself');
      }
      return await fn(request, context);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.message);
      console.error(error);
      return jsonError(500, 'internal error');
    }
  };
}
