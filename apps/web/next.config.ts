import type { NextConfig } from 'next';

const config: NextConfig = {
  // A separate build folder lets two builds of the app coexist (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Workspace packages ship TypeScript sources.
  transpilePackages: ['@gradlab/content'],
  // Compile-time tools with native binaries or dynamic requires stay in node_modules.
  serverExternalPackages: ['mdx-bundler', 'esbuild', '@prisma/adapter-better-sqlite3', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
