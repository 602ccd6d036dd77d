import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';

const config: NextConfig = {
  // A separate build folder lets two builds of the app coexist (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Workspace packages ship TypeScript sources.
  transpilePackages: ['@gradlab/content', '@gradlab/grader', '@gradlab/kernels', '@gradlab/prisma'],
  // Compile-time tools with native binaries or dynamic requires stay in node_modules.
  serverExternalPackages: [
    'mdx-bundler',
    'esbuild',
    '@prisma/adapter-better-sqlite3',
    'better-sqlite3',
    'isolated-vm',
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

/**
 * Before a build or dev server: Monaco's files and the learner's `np` typings go into
 * public/monaco (served by the site itself; the editor never loads from a CDN).
 */
function prepareEditorAssets(): void {
  const script = path.resolve('scripts', 'prepare-editor-assets.mjs');
  if (fs.existsSync(script)) execFileSync(process.execPath, [script], { stdio: 'inherit' });
}

export default function nextConfig(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) prepareEditorAssets();
  return config;
}
