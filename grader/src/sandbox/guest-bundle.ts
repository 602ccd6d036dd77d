/**
 * The guest bundle: guest/entry.ts with @gradlab/kernels, bundled ahead of time by
 * scripts/build-guest.mjs into one IIFE script (generated/guest-code.ts) that every fresh
 * isolate runs before the learner's module. Every isolate compiles it from V8's code cache, so
 * none parses and compiles the engine again: a warm cache (guest-warmup.ts, made once per
 * process) that also holds the functions a grading calls; the cache of the first isolate that
 * compiles the bundle when no warm one could be made.
 */
import type ivm from 'isolated-vm';
import { guestCode } from '../../generated/guest-code.ts';
import { warmGuestCodeCache } from './guest-warmup.ts';

export const GUEST_SCRIPT = 'gradlab-guest.js';

export interface GuestBundle {
  code: string;
  /** V8 code cache for `code`: the warm one, or one produced by the first isolate that compiles it. */
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
}

const bundle: GuestBundle = { code: guestCode };
let warming: Promise<void> | undefined;

async function warmBundle(): Promise<void> {
  try {
    bundle.cachedData = await warmGuestCodeCache(bundle.code, GUEST_SCRIPT);
  } catch (error) {
    // Only slower: isolates compile the bundle from source (and share a plain cache) instead.
    console.error(`gradlab sandbox: no warm code cache for the guest bundle: ${String(error)}`);
  }
}

/** The guest bundle (one per process, with its warm code cache once made). */
export async function guestBundle(): Promise<GuestBundle> {
  warming ??= warmBundle();
  await warming;
  return bundle;
}

/** Compiles the bundle in `isolate` from its code cache, or from source (producing a cache). */
export async function compileGuest(isolate: ivm.Isolate, bundle: GuestBundle): Promise<ivm.Script> {
  if (bundle.cachedData) {
    const script = await isolate.compileScript(bundle.code, {
      filename: GUEST_SCRIPT,
      cachedData: bundle.cachedData,
    });
    if (!(script as { cachedDataRejected?: boolean }).cachedDataRejected) return script;
    // V8 rejects a cache made under other V8 flags (a process may set flags after its first
    // grading): compile from source now, and make a warm cache again for the next isolates.
    script.release();
    bundle.cachedData = undefined;
    warming = undefined;
  }
  const script = await isolate.compileScript(bundle.code, {
    filename: GUEST_SCRIPT,
    produceCachedData: true,
  });
  const produced = (script as ivm.CachedDataResult).cachedData;
  if (produced && !bundle.cachedData) bundle.cachedData = produced;
  return script;
}
