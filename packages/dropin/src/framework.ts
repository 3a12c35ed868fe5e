// Which framework renders an element, from the marks frameworks leave on the nodes they own. candor.js
// never moves the children of such a container: the framework would put them back, or lose track of them.

/** Own keys only a framework sets on the nodes it renders: React's fiber and props, Vue's vnode, Svelte's metadata. */
const MARK = /^__(react(Fiber|Props|Container)\$|vnode$|vueParentComponent$|svelte_meta$)/
const NAMES: Record<string, string> = { r: 'React', v: 'Vue', s: 'Svelte' }

const marked = (el: Element | null) => {
  for (const key of el ? Object.keys(el) : []) if (MARK.test(key)) return NAMES[key[2]!]
}

/**
 * The framework that renders `box` or its children (React, Preact, Vue, Svelte in development), or `undefined`.
 * @example frameworkOf(document.querySelector('#app ul')!) // 'React'
 */
export const frameworkOf = (box: Element): string | undefined => {
  const found = marked(box) ?? marked(box.firstElementChild)
  if (found) return found
  // Preact marks only the element it renders into (its children list, `__k`): look up to it.
  for (let el: Element | null = box; el; el = el.parentElement) if ('__k' in el) return 'Preact'
}
