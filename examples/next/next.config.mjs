import { fileURLToPath } from 'node:url'

// In the Candor repository the @candor packages are links into the workspace: Turbopack and the output tracing
// look for files from its root. In a copy of this app (with versions from npm), this file can be left out.
const root = fileURLToPath(new URL('../..', import.meta.url))

/** @type {import('next').NextConfig} */
export default {
  turbopack: { root },
  outputFileTracingRoot: root,
}
