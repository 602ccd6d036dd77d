'use client';

/**
 * Drafts not yet saved (the editor saves a moment after typing stops) register a flush here, so
 * that signing out can save them first, while the session still exists.
 */
type Flush = () => Promise<boolean>;
const flushes = new Set<Flush>();

export function registerDraftFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Saves every pending draft now; true when all were saved (or none was pending). */
export async function flushDrafts(): Promise<boolean> {
  const results = await Promise.all([...flushes].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}
