import { readFile, readdir, copyFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

// candor.js and its lazy chunks, as the drop-in package builds them (pnpm demo builds it first).
const dropin = resolve(__dirname, '../packages/dropin/dist')

/** Serves the drop-in's files at the site root, as a site owner would host them, and copies them into the build. */
const candorJs = (): Plugin => ({
  name: 'candor-dropin',
  configureServer(server) {
    server.middlewares.use(async (req, res, next) => {
      const name = req.url?.split('?')[0]?.slice(1) ?? ''
      if (!/^candor[\w.-]*\.(js|json)$/.test(name) || name == 'candor.json') return next()
      try {
        const body = await readFile(resolve(dropin, name))
        res.setHeader('content-type', name.endsWith('.js') ? 'text/javascript' : 'application/json')
        res.end(body)
      } catch {
        next()
      }
    })
  },
  async writeBundle(options) {
    for (const f of await readdir(dropin)) await copyFile(resolve(dropin, f), resolve(options.dir!, f))
  },
})

// The reader app runs on the packages' source, so edits show without a build.
export default defineConfig({
  // Six pages, not a single-page app: a mistyped address is a 404, not the front page.
  appType: 'mpa',
  plugins: [candorJs()],
  resolve: { conditions: ['@candor/source'] },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // Vue's compile-time flags (vue.html): no Options API, no devtools or hydration details in the built demo.
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  server: { host: '127.0.0.1', port: 5173 },
  // The built demo is served under a strict CSP (no inline script or style, Trusted Types enforced):
  // the end-to-end tests run against it and count violations. The dev server can't: Vite's HMR injects inline code.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: {
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
    },
  },
  build: {
    rollupOptions: {
      // @candor/react's 'use client' marks it for server-component frameworks; a client bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code != 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
      input: {
        front: resolve(__dirname, 'index.html'),
        app: resolve(__dirname, 'app.html'),
        react: resolve(__dirname, 'react.html'),
        vue: resolve(__dirname, 'vue.html'),
        privacy: resolve(__dirname, 'privacy.html'),
        measure: resolve(__dirname, 'measure.html'),
      },
    },
  },
})
