/**
 * The demo accounts created by the seed. These are public on purpose (README, start-up
 * output): they exist so that a newcomer can sign in at once on a local install.
 */
export const demoUsers = [
  {
    email: 'instructor@gradlab.local',
    name: 'Ada Instructor',
    password: 'instructor-demo',
    role: 'instructor',
  },
  { email: 'student@gradlab.local', name: 'Sam Student', password: 'student-demo', role: 'student' },
] as const;
