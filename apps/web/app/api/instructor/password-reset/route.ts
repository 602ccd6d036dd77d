import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HttpError, handle, readJson, requireApiInstructor } from '../../../../lib/api.ts';
import { auth } from '../../../../lib/auth.ts';
import { db } from '../../../../lib/db.ts';
import { emailSchema } from '../../../../lib/text-limits.ts';

const body = z.object({ email: emailSchema.min(1, 'email is empty') });

/** How long an issued link works. */
const VALID_HOURS = 24;

/**
 * POST `{ email }`: issues a one-time password reset link for a student (there is no mail
 * server in the embedded set-up: the instructor hands the link over). The link's page calls
 * better-auth's own `/reset-password` with the token.
 */
export const POST = handle(async (request) => {
  await requireApiInstructor(request);
  const { email } = await readJson(request, body);
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new HttpError(404, `no account with the email "${email}"`);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + VALID_HOURS * 3600_000);
  const context = await auth.$context;
  await context.internalAdapter.createVerificationValue({
    identifier: `reset-password:${token}`,
    value: user.id,
    expiresAt,
  });
  return Response.json({
    path: `/reset-password?token=${encodeURIComponent(token)}`,
    name: user.name,
    email: user.email,
    expiresAt: expiresAt.toISOString(),
  });
});
