/**
 * The guest bundle: guest/entry.ts with @gradlab/kernels, bundled by esbuild into one IIFE script
 * that every fresh isolate runs before the learner's module.
 *
 * Built at runtime, on first use, once per process (about 50 ms), and kept in memory together
 * with V8's code cache for it, so later isolates skip parsing and compiling the engine. No build
 * step and no generated file: the bundle cannot be stale with respect to the engine's sources.
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type ivm from 'isolated-vm';

export const GUEST_SCRIPT = 'gradlab-guest.js';

export interface GuestBundle {
  code: string;
  /** V8 code cache for `code`, produced by the first isolate that compiles it. */
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
}

let pending: Promise<GuestBundle> | undefined;

async function buildGuestBundle(): Promise<GuestBundle> {
  const entry = fileURLToPath(new URL('./guest/entry.ts', import.meta.url));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
    outfile: GUEST_SCRIPT,
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no guest bundle');
  return { code };
}

/** The guest bundle, built on first call (concurrent callers share one build). */
export function guestBundle(): Promise<GuestBundle> {
  pending ??= buildGuestBundle().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
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
