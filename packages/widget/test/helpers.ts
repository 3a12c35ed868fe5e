import { createCandor, type Candor, type Catalog } from '@candor/core'
import { act } from 'preact/test-utils'

export const catalog: Catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first',
      group: 'Reading',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
      ],
      lifetime: '180d',
    },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      label: 'Your region',
      purpose: 'Shows events near you',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines', group: 'Reading' },
  ],
}

export const make = async (o: { catalog?: Catalog; now?: () => number; gpc?: boolean; storage?: 'indexeddb' | 'memory' } = {}): Promise<Candor> => {
  const c = createCandor({ catalog, storage: 'memory', gpc: false, ...o })
  await c.ready
  return c
}

/** Lets effects, promises and re-renders settle. */
export const settle = async () => {
  for (let i = 0; i < 3; i++) await act(async () => void (await new Promise((r) => setTimeout(r, 0))))
}

const nameOf = (el: Element): string => {
  const ids = el.getAttribute('aria-labelledby')
  const root = el.getRootNode() as Document | ShadowRoot
  if (ids)
    return ids
      .split(' ')
      .map((id) => root.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim()
  const label = el.closest('label')
  return (el.getAttribute('aria-label') ?? label?.textContent ?? el.textContent ?? '').trim()
}

/** Elements of `role` (explicit, or implied for buttons, radios, checkboxes) whose accessible name matches. */
export const byRole = (root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] => {
  const implicit: Record<string, string> = {
    button: 'button:not([role])',
    radio: 'input[type=radio]',
    checkbox: 'input[type=checkbox]',
  }
  const sel = `[role="${role}"]` + (implicit[role] ? ', ' + implicit[role] : '')
  return [...root.querySelectorAll<HTMLElement>(sel)].filter(
    (el) => name === undefined || (typeof name == 'string' ? nameOf(el) == name : name.test(nameOf(el))),
  )
}

export const one = (root: ParentNode, role: string, name?: string | RegExp): HTMLElement => {
  const found = byRole(root, role, name)
  if (found.length != 1) throw new Error(`expected one ${role} named ${name}, found ${found.length}`)
  return found[0]!
}

export const click = async (el: HTMLElement) => {
  await act(() => el.click())
  await settle()
}
