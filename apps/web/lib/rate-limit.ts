/**
 * A sliding-window rate limit kept in memory (one server process; the scale-out set-up would
 * keep it in Redis). `take(key)` records an attempt and says whether it is allowed.
 */
export function createRateLimit(options: { limit: number; windowMs: number; now?: () => number }) {
  const hits = new Map<string, number[]>();
  const now = options.now ?? Date.now;
  return {
    take(key: string): { ok: true } | { ok: false; retryAfterS: number } {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - options.windowMs);
      if (recent.length >= options.limit) {
        hits.set(key, recent);
        const oldest = recent[0] ?? t;
        return { ok: false, retryAfterS: Math.max(1, Math.ceil((oldest + options.windowMs - t) / 1000)) };
      }
      recent.push(t);
      hits.set(key, recent);
      return { ok: true };
    },
  };
}
