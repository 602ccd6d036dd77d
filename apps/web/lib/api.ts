import 'server-only';
import type { z } from 'zod';
import { currentUser, type SessionUser } from './session.ts';

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

/** Reads and validates a JSON body; throws HttpError(415/413/400) with a message that says why. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  // JSON only: a cross-site HTML form cannot send this content type without a CORS preflight.
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the body as application/json');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES)
    throw new HttpError(413, `request body too large (at most ${MAX_BODY_BYTES} bytes)`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new HttpError(413, `request body too large (at most ${MAX_BODY_BYTES} bytes)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body must be JSON');
  }
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

/** Wraps a route handler: HttpErrors become `{ error }` responses, anything else a 500. */
export function handle<C>(fn: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await fn(request, context);
    } catch (error) {
      if (error instanceof HttpError) return jsonError(error.status, error.message);
      console.error(error);
      return jsonError(500, 'internal error');
    }
  };
}
