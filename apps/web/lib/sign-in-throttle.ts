/**
 * Per-account backoff for password sign-in, in memory (one server process). After
 * `freeFailures` wrong passwords in a row, the account is locked for `baseDelayMs`, doubling with
 * each further failure up to `maxDelayMs`, whichever address the attempts come from. A correct
 * password clears the count; failures older than `forgetAfterMs` are forgotten.
 */
export function createSignInThrottle(
  options: {
    freeFailures?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    forgetAfterMs?: number;
    now?: () => number;
  } = {},
) {
  const freeFailures = options.freeFailures ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const forgetAfterMs = options.forgetAfterMs ?? 24 * 60 * 60_000;
  const now = options.now ?? Date.now;
  const accounts = new Map<string, { failures: number; lockedUntil: number; last: number }>();
  const keyOf = (account: string) => account.trim().toLowerCase();

  function current(key: string) {
    const entry = accounts.get(key);
    if (entry && now() - entry.last > forgetAfterMs) {
      accounts.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    /** Whether a sign-in attempt for `account` may be tried now. */
    check(account: string): { ok: true } | { ok: false; retryAfterS: number } {
      const entry = current(keyOf(account));
      const wait = entry ? entry.lockedUntil - now() : 0;
      return wait > 0 ? { ok: false, retryAfterS: Math.ceil(wait / 1000) } : { ok: true };
    },
    failure(account: string): void {
      const key = keyOf(account);
      const entry = current(key) ?? { failures: 0, lockedUntil: 0, last: 0 };
      entry.failures += 1;
      entry.last = now();
      if (entry.failures >= freeFailures) {
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (entry.failures - freeFailures));
        entry.lockedUntil = now() + delay;
      }
      accounts.delete(key);
      accounts.set(key, entry);
      // Bounded memory: the oldest entries go first.
      if (accounts.size > 100_000) {
        const oldest = accounts.keys().next().value;
        if (oldest !== undefined) accounts.delete(oldest);
      }
    },
    success(account: string): void {
      accounts.delete(keyOf(account));
    },
  };
}
