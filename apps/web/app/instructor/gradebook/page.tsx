import { redirect } from 'next/navigation';
import { currentClass } from '../../../lib/classes.ts';
import { requireUser } from '../../../lib/session.ts';

/** The gradebook is per class: this address opens the current class's. */
export default async function GradebookPage() {
  const user = await requireUser('/instructor/gradebook');
  const current = await currentClass(user.id);
  redirect(current ? `/classes/${current.id}/gradebook` : '/classes');
}
