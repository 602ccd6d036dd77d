/**
 * WebGPU in headless Chromium: the backend and the suite are bundled with esbuild, injected
 * into a page served from a routed http://localhost/ URL (WebGPU needs a secure context;
 * about:blank and data: pages have no navigator.gpu), run there, and checked here against the
 * js reference. `--enable-unsafe-webgpu` gives the SwiftShader adapter on machines without a
 * GPU. Skipped, with the reason, when chromium, esbuild or the adapter is missing.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { conformanceTests, type RunnerResult, reportOrThrow } from './conformance.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const entry = fileURLToPath(new URL('./browser-entry.ts', import.meta.url));

async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

async function runInChromium(): Promise<{ result: RunnerResult | null; skip: string }> {
  if (!existsSync(CHROMIUM)) return { result: null, skip: `no chromium at ${CHROMIUM}` };
  let script: string;
  try {
    script = await bundle();
  } catch (error) {
    return { result: null, skip: `could not bundle the suite with esbuild: ${String(error)}` };
  }
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--enable-unsafe-webgpu',
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.route('http://localhost/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>webgpu</title>' }),
    );
    await page.goto('http://localhost/');
    await page.addScriptTag({ content: script });
    const result = (await page.evaluate(() =>
      (globalThis as unknown as { gradlabWebGpuSuite: () => Promise<unknown> }).gradlabWebGpuSuite(),
    )) as RunnerResult;
    if ('report' in result) return { result, skip: '' };
    return { result, skip: 'unavailable' in result ? result.unavailable : result.crashed };
  } finally {
    await browser.close();
  }
}

const found = await runInChromium();
const title = found.skip
  ? `WebGPU in headless Chromium: SKIPPED, ${found.skip}`
  : `WebGPU in headless Chromium: ${found.result && 'report' in found.result ? JSON.stringify(found.result.report.adapter) : ''}`;
if (found.skip) console.warn(title);

describe.skipIf(found.skip !== '')(title, () => {
  conformanceTests(() => reportOrThrow(found.result));
});
