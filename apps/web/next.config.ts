import type { NextConfig } from 'next';

const config: NextConfig = {
  // Workspace packages ship TypeScript sources.
  transpilePackages: ['@gradlab/content'],
  // Compile-time tools with native binaries or dynamic requires stay in node_modules.
  serverExternalPackages: ['mdx-bundler', 'esbuild', '@prisma/adapter-better-sqlite3', 'better-sqlite3'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
