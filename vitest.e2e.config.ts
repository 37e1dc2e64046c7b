import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers against the built extension (`npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A real browser on a busy 2-core machine: polls wait for it longer than vitest's 1 s default.
    expect: { poll: { timeout: 20_000 } },
  },
});
