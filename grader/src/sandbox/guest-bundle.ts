/**
 * The guest bundle: guest/entry.ts with @gradlab/kernels, bundled ahead of time by
 * scripts/build-guest.mjs into one IIFE script (generated/guest-code.ts) that every fresh
 * isolate runs before the learner's module. V8's code cache for it is produced by the first
 * isolate and reused by the next ones, so later isolates skip parsing and compiling the engine.
 */
import type ivm from 'isolated-vm';
import { guestCode } from '../../generated/guest-code.ts';

export const GUEST_SCRIPT = 'gradlab-guest.js';

export interface GuestBundle {
  code: string;
  /** V8 code cache for `code`, produced by the first isolate that compiles it. */
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
}

const bundle: GuestBundle = { code: guestCode };

/** The guest bundle (one per process, with its code cache once produced). */
export async function guestBundle(): Promise<GuestBundle> {
  return bundle;
}

/** Compiles the bundle in `isolate`, using and (the first time) producing the code cache. */
export async function compileGuest(isolate: ivm.Isolate, bundle: GuestBundle): Promise<ivm.Script> {
  if (bundle.cachedData) {
    const script = await isolate.compileScript(bundle.code, {
      filename: GUEST_SCRIPT,
      cachedData: bundle.cachedData,
    });
    if (!(script as { cachedDataRejected?: boolean }).cachedDataRejected) return script;
  }
  const script = await isolate.compileScript(bundle.code, {
    filename: GUEST_SCRIPT,
    produceCachedData: true,
  });
  const produced = (script as ivm.CachedDataResult).cachedData;
  if (produced) bundle.cachedData = produced;
  return script;
}
