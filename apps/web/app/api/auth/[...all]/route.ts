import { toNextJsHandler } from 'better-auth/next-js';
import { HttpError, readLimitedText } from '../../../../lib/api.ts';
import { auth } from '../../../../lib/auth.ts';

const handlers = toNextJsHandler(auth);

/** Auth bodies are small JSON objects (email, password, name): 16 KB is plenty. */
const MAX_AUTH_BODY_BYTES = 16 * 1024;

export const GET = handlers.GET;

/**
 * POST: the body is read with a byte limit and checked to be UTF-8 before better-auth sees it
 * (413 or 400 otherwise), so a huge or chunked body is never held in memory whole.
 */
export async function POST(request: Request): Promise<Response> {
  let body: string;
  try {
    body = await readLimitedText(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    // better-auth's client reads `message`; the site's API uses `error`: both are set.
    if (error instanceof HttpError)
      return Response.json({ error: error.message, message: error.message }, { status: error.status });
    throw error;
  }
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  return handlers.POST(new Request(request.url, { method: 'POST', headers, body }));
}
