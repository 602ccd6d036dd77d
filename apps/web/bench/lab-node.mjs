// The lab benchmark in Node: gradlab's trainer with the learner-interface layers on the
// WebAssembly engine and on the WebGPU engine (Dawn, the `webgpu` package, on whatever adapter
// it finds; chromium's SwiftShader where there is no GPU). For machines with a GPU and no
// browser; in a browser, bench:lab measures the same cases beside TensorFlow.js.
//   npm run bench:lab-node -w @gradlab/web [-- --seconds 3 --runs 3]
//   node bench/lab-node.mjs --bundle FILE   writes the bundle (one file, `webgpu` left external) and stops
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { referenceModules } from './reference-modules.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const modules = referenceModules(root);
const args = process.argv.slice(2);
const bundleAt = args[0] === '--bundle' ? path.resolve(args[1] ?? 'lab-node.mjs') : null;
// one folder, overwritten by each run
const scratch = path.join(os.tmpdir(), 'gradlab-lab-node');
const outfile = bundleAt ?? path.join(scratch, 'lab-node.mjs');
await build({
  entryPoints: [path.join(here, 'lab-node-run.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile,
  external: ['webgpu'],
  // the bundle's CommonJS parts need require; `webgpu` resolves from the bundle's folder or the repo
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  define: { MODULES: JSON.stringify(modules), 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});
if (bundleAt) {
  console.log(`bundle written to ${bundleAt}`);
} else {
  // resolve `webgpu` from the repository's node_modules
  fs.rmSync(path.join(scratch, 'node_modules'), { force: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'));
  await import(pathToFileURL(outfile).href);
}
