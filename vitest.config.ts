import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@candor/source'] },
  // Tests in a node environment (server rendering) resolve the packages' source too.
  ssr: { resolve: { conditions: ['@candor/source'], externalConditions: ['@candor/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
    environment: 'node',
  },
})
