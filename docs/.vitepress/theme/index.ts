// The default theme, with the components the pages use: live examples, the generated tables and the playground.
import DefaultTheme from 'vitepress/theme'
import type { Theme } from 'vitepress'
import CatalogFields from './CatalogFields.vue'
import CatalogPlayground from './CatalogPlayground.vue'
import ConsoleSays from './ConsoleSays.vue'
import LiveExample from './LiveExample.vue'
import PanelLanguages from './PanelLanguages.vue'
import ThemeTokens from './ThemeTokens.vue'
import './custom.css'

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('CatalogFields', CatalogFields)
    app.component('ConsoleSays', ConsoleSays)
    app.component('LiveExample', LiveExample)
    app.component('PanelLanguages', PanelLanguages)
    app.component('CatalogPlayground', CatalogPlayground)
    app.component('ThemeTokens', ThemeTokens)
  },
} satisfies Theme
