import { handle, requireApiUser } from '../../../../lib/api.ts';
import { attemptView } from '../../../../lib/attempts.ts';

type Context = { params: Promise<{ id: string }> };

/** GET: the attempt as its page shows it, with the server's clock (submitted first if overdue). */
export const GET = handle<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  return Response.json(await attemptView(id, user.id), { headers: { 'cache-control': 'no-store' } });
});
