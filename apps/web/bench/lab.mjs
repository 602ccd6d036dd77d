// The training lab benchmark: steps per second, gradlab's trainer with the learner-interface
// layers (the reference solutions stand in for a learner's) against TensorFlow.js (wasm and cpu
// backends) training the same architecture with the same batch, in one page of Debian's
// Chromium, bundled minified as production code is. Loopback only; stops by itself.
//   case (a): an MLP 2-100-100-3 (ReLU, softmax, Adam, batch 100) on 1,000 spiral points;
//   case (b): a small CNN (conv 8x3x3 pad 1, ReLU, max-pool 2x2, affine 512-64, ReLU, affine
//             64-5; softmax, Adam, batch 50) on 2,000 16x16 images of 5 shapes.
//
//   npm run bench:lab -w @gradlab/web [-- --seconds 3 --runs 3]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { referenceModules } from './reference-modules.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, runs: { type: 'string', default: '3' } },
});
const ms = Number(values.seconds) * 1000;
const runs = Number(values.runs);

const modules = referenceModules(root);
// the page, and the two workers of gradlab's WebGPU engine (the trainer and the GPU's owner)
const bundle = async (file) =>
  (
    await build({
      entryPoints: [path.join(here, file)],
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      define: { MODULES: JSON.stringify(modules), 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    })
  ).outputFiles[0].text;
const script = await bundle('lab-page.ts');
const scripts = {
  '/bench.js': script,
  '/trainer-worker.js': await bundle('lab-gpu-trainer.ts'),
  '/gpu-worker.js': await bundle('lab-gpu-worker.ts'),
};
const wasmDir = path.join(
  path.dirname(fileURLToPath(import.meta.resolve('@tensorflow/tfjs-backend-wasm'))),
  '',
);

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  // cross-origin isolated, as the lab's page: the WebGPU engine's workers share memory
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('cross-origin-embedder-policy', 'require-corp');
  if (url.pathname === '/') {
    response.setHeader('content-type', 'text/html');
    response.end(
      '<!doctype html><meta charset="utf-8"><title>lab bench</title><script src="/bench.js"></script>',
    );
  } else if (url.pathname in scripts) {
    response.setHeader('content-type', 'text/javascript');
    response.end(scripts[url.pathname]);
  } else if (url.pathname.startsWith('/tfjs/') && url.pathname.endsWith('.wasm')) {
    response.setHeader('content-type', 'application/wasm');
    response.end(fs.readFileSync(path.join(wasmDir, path.basename(url.pathname))));
  } else {
    response.statusCode = 404;
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    // WebGPU: a real GPU where there is one, else SwiftShader (a CPU implementation)
    '--enable-unsafe-webgpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('gradlab webgpu')) console.log(message.text());
  });
  await page.goto(`http://127.0.0.1:${port}/`);
  const adapter = await page.evaluate(async () => {
    const info = (await navigator.gpu?.requestAdapter())?.info;
    return info
      ? `${info.vendor} / ${info.architecture} / ${info.description}${info.isFallbackAdapter ? ' (software)' : ''}`
      : 'none';
  });
  const all = [];
  for (let r = 0; r < runs; r++)
    all.push(
      await page.evaluate(
        ([t, base]) => globalThis.runBench(t, base),
        [ms, `http://127.0.0.1:${port}/tfjs/`],
      ),
    );
  const cases = {
    a: { title: 'MLP 2-100-100-3, 800 training points of the spiral, batch 100, Adam', goal: 'at least 1x' },
    b: {
      title:
        'CNN conv 8x3x3 pad 1, ReLU, max-pool 2x2, affine 512-64, ReLU, affine 64-5; 1,600 training images 16x16 of 5 shapes, batch 50, Adam',
      goal: 'at least 0.5x',
    },
  };
  for (const [name, { title, goal }] of Object.entries(cases)) {
    const impls = all[0].filter((row) => row.case === name).map((row) => row.impl);
    console.log(
      `\nLab benchmark (${name}): ${title}; ${runs} runs of ${ms / 1000} s each, Chromium ${browser.version()}, WebGPU adapter ${adapter}`,
    );
    console.log('impl'.padEnd(44), 'steps/s (each run)'.padEnd(28), 'median');
    const medians = {};
    for (const impl of impls) {
      const rates = all.map(
        (rows) => rows.find((row) => row.case === name && row.impl === impl).stepsPerSecond,
      );
      const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
      medians[impl] = median;
      console.log(
        impl.padEnd(44),
        rates
          .map((v) => v.toFixed(1))
          .join(', ')
          .padEnd(28),
        median.toFixed(1),
      );
    }
    const ours = medians['gradlab (wasm kernels, learner layers)'];
    // case (b) has two tfjs-wasm variants (its wasm backend cannot train tf.conv2d): the faster one counts
    const [peerName, peer] = Object.entries(medians)
      .filter(([impl]) => impl.startsWith('TensorFlow.js (wasm'))
      .sort((a, b) => b[1] - a[1])[0];
    console.log(`gradlab (wasm) / ${peerName}: ${(ours / peer).toFixed(2)}x (goal: ${goal})`);
  }
} finally {
  await browser.close();
  server.close();
}
