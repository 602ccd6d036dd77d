import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';

/**
 * The Content Security Policy of every response. Scripts and styles come from the site only;
 * 'unsafe-inline' scripts are Next's inline hydration data (lectures are prerendered, so there is
 * no per-request nonce), 'unsafe-eval' is the learner's module evaluated in the Run worker and
 * Monaco, 'wasm-unsafe-eval' the WASM kernels; styles inline are KaTeX's and Monaco's. No page
 * may be framed, no plugin loaded, no form sent elsewhere.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/**
 * Cross-origin isolation, which SharedArrayBuffer needs: the lab's WebGPU engine shares memory
 * between its training worker and its GPU worker. Only the lab's page gets it, and the scripts
 * its workers load (a worker of an isolated page must itself be served with COEP). Every
 * resource the lab loads is the site's own, so require-corp blocks nothing there.
 */
export const isolationHeaders = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

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
    'pg-boss',
  ],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/lab', headers: isolationHeaders },
      { source: '/_next/static/:path*', headers: isolationHeaders },
    ];
  },
  // Browsers ask for /favicon.ico when a page has not (yet) named its icon: serve the site's icon.
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
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
