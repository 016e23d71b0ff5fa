import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two environments: Node for everything but the renderer's component tests (tests/renderer/**/*.test.tsx),
// which run in jsdom against a fake window.api.
export default defineConfig({
  plugins: [react()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['tests/unit/**/*.test.ts', 'tests/renderer/**/*.test.ts'] } },
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: ['tests/renderer/**/*.test.tsx'] } },
    ],
  },
});
