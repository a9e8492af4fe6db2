/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const rootDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: `${rootDir}dist`,
    emptyOutDir: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
  // Live mode imports neo4j-driver lazily; pre-bundled up front, the dev server does not reload on first connect.
  optimizeDeps: { include: ['neo4j-driver'] },
  test: {
    root: rootDir,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Starts (or finds, via NEO4J_URI) the Neo4j server for Neo4j-backed suites; see tests/support/neo4j.ts.
    globalSetup: ['tests/support/neo4jGlobalSetup.ts'],
  },
});
