/**
 * Runs once when the server starts: submissions that were queued or being graded when the
 * previous server stopped are graded now, and the exercises are loaded ahead of the first
 * submission (reference outputs, the browser's RunKit).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { gradingMode, resumePendingGradings, warmUpGrader } = await import('./lib/grading.ts');
  try {
    const mode = gradingMode();
    if (mode === 'queue')
      console.log('grading: through the PostgreSQL job queue (gradlab worker processes grade)');
  } catch (error) {
    // a set-up that cannot grade (GRADLAB_GRADING=queue on SQLite, a misspelt mode) stops here, said plainly
    console.error(`gradlab: ${(error as Error).message}`);
    process.exit(1);
  }
  try {
    const count = await resumePendingGradings();
    if (count > 0) console.log(`grading: resumed ${count} pending submission(s)`);
  } catch (error) {
    console.error('grading: could not resume pending submissions', error);
  }
  void warmUpGrader();
  // Timed attempts whose deadline passed are submitted by the server, browser or not.
  const { submitOverdueAttempts } = await import('./lib/attempts.ts');
  const sweep = async () => {
    try {
      const count = await submitOverdueAttempts();
      if (count > 0) console.log(`assessments: submitted ${count} attempt(s) at their deadline`);
    } catch (error) {
      console.error('assessments: the deadline sweep failed', error);
    }
  };
  void sweep();
  setInterval(() => void sweep(), 5_000).unref();
}
