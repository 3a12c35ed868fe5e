import { defineConfig } from 'astro/config'

// A static site: `astro build` writes dist/, `astro preview` serves it.
export default defineConfig({})
