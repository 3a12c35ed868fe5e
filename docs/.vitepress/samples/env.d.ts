// What a sample may take for granted beyond its imports: a Vue single-file component imports as a component, and
// Nuxt's auto-imported defineNuxtPlugin (only what the samples use of it).
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}

declare function defineNuxtPlugin(plugin: (nuxtApp: { vueApp: import('vue').App }) => unknown): unknown
