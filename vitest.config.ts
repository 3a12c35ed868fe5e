import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@candor/source'] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx'],
    environment: 'node',
  },
})
