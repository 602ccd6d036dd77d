import { addMembers, classRoles } from '@gradlab/prisma';
import { z } from 'zod';
import { HttpError, handle, readJson } from '../../../../../lib/api.ts';
import { classOperation, requireClassApi } from '../../../../../lib/classes.ts';
import { db } from '../../../../../lib/db.ts';
import { parseRoster } from '../../../../../lib/roster-csv.ts';
import { emailSchema } from '../../../../../lib/text-limits.ts';

type Context = { params: Promise<{ id: string }> };

const body = z.union([
  z
    .object({
      email: emailSchema.pipe(z.string().trim().email('not an email address')),
      role: z.enum(classRoles as [string, ...string[]]).default('student'),
    })
    .strict(),
  z.object({ csv: z.string().max(100_000, 'at most 100 KB of roster') }).strict(),
]);

/**
 * POST: adds people by email, one (`{ email, role }`) or a roster (`{ csv }`): members at once
 * when they have an account, invites otherwise. Instructors only. A roster with a bad row adds
 * nobody and says which lines are wrong.
 */
export const POST = handle<Context>(async (request, { params }) => {
  const { id } = await params;
  const { user } = await requireClassApi(request, id, 'instructor');
  const input = await readJson(request, body);
  let entries: Parameters<typeof addMembers>[3];
  if ('csv' in input) {
    const roster = parseRoster(input.csv);
    if (roster.problems.length > 0)
      throw new HttpError(400, roster.problems.map((p) => `line ${p.line}: ${p.message}`).join('; '));
    entries = roster.entries;
  } else entries = [{ email: input.email, role: input.role as (typeof classRoles)[number] }];
  return Response.json(await classOperation(() => addMembers(db(), id, user.id, entries)));
});
