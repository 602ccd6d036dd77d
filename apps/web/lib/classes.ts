import 'server-only';
import { ClassError, type ClassRole, type CourseClass } from '@gradlab/prisma';
import { notFound, redirect } from 'next/navigation';
import { HttpError, requireApiUser } from './api.ts';
import { db } from './db.ts';
import { requireUser, type SessionUser } from './session.ts';

/**
 * Who may do what in a class. Instructors of the class (and site instructors, who administer
 * every class) do everything; TAs grade: the gradebook, overrides, submissions and exports, no
 * roster or role changes; students see the class and their own grades.
 */
const rank: Record<ClassRole, number> = { student: 0, ta: 1, instructor: 2 };

export function atLeast(role: ClassRole, minimum: ClassRole): boolean {
  return rank[role] >= rank[minimum];
}

export const roleLabel: Record<ClassRole, string> = {
  student: 'Student',
  ta: 'TA',
  instructor: 'Instructor',
};

export interface ClassAccess {
  user: SessionUser;
  courseClass: CourseClass;
  /** the user's role in the class (a site instructor who is not a member acts as instructor) */
  role: ClassRole;
  /** whether the role comes from being a site instructor rather than a membership */
  asSiteInstructor: boolean;
}

async function access(user: SessionUser, classId: string): Promise<ClassAccess | null> {
  const courseClass = await db().courseClass.findUnique({ where: { id: classId } });
  if (!courseClass) return null;
  const enrollment = await db().enrollment.findUnique({
    where: { classId_userId: { classId, userId: user.id } },
    select: { role: true },
  });
  if (enrollment) return { user, courseClass, role: enrollment.role, asSiteInstructor: false };
  if (user.role === 'instructor') return { user, courseClass, role: 'instructor', asSiteInstructor: true };
  return null;
}

/**
 * For pages of a class: guests sign in first; someone outside the class gets "not found" (a
 * class's existence is not revealed to outsiders); a member below `minimum` is forbidden.
 */
export async function requireClassPage(
  classId: string,
  minimum: ClassRole,
  returnTo: string,
): Promise<ClassAccess> {
  const user = await requireUser(returnTo);
  const found = await access(user, classId);
  if (!found) notFound();
  if (!atLeast(found.role, minimum)) redirect('/forbidden');
  return found;
}

/** For API routes of a class: 401 signed out, 404 outside the class, 403 below `minimum`. */
export async function requireClassApi(
  request: Request,
  classId: string,
  minimum: ClassRole,
): Promise<ClassAccess> {
  const user = await requireApiUser(request);
  const found = await access(user, classId);
  if (!found) throw new HttpError(404, 'no such class');
  if (!atLeast(found.role, minimum))
    throw new HttpError(
      403,
      minimum === 'instructor' ? "only the class's instructors may do this" : 'class staff only',
    );
  return found;
}

/** Runs a class operation; its ClassError becomes the HTTP error it names. */
export async function classOperation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof ClassError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

export interface MyClass {
  id: string;
  name: string;
  role: ClassRole;
  current: boolean;
}

/** The classes a user is in, with their role, and which one is current. */
export async function myClasses(userId: string): Promise<MyClass[]> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      currentClassId: true,
      enrollments: {
        select: { role: true, class: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!user) return [];
  return user.enrollments.map((e) => ({
    id: e.class.id,
    name: e.class.name,
    role: e.role,
    current: e.class.id === user.currentClassId,
  }));
}

/** The user's current class: the one they picked, else their first one; null when in none. */
export async function currentClass(userId: string): Promise<MyClass | null> {
  const classes = await myClasses(userId);
  return classes.find((c) => c.current) ?? classes[0] ?? null;
}

/** The link a student opens to join (the page asks before joining). */
export function joinPath(joinCode: string): string {
  return `/join/${joinCode}`;
}

/**
 * Whether `viewer` may see `learnerId`'s work as staff: a site instructor, or a TA or
 * instructor of a class the learner is a student of.
 */
export async function isStaffOf(viewer: SessionUser, learnerId: string): Promise<boolean> {
  if (viewer.role === 'instructor') return true;
  const shared = await db().enrollment.count({
    where: {
      userId: viewer.id,
      role: { in: ['ta', 'instructor'] },
      class: { enrollments: { some: { userId: learnerId, role: 'student' } } },
    },
  });
  return shared > 0;
}
