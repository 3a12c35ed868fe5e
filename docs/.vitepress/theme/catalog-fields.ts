// The catalog's fields, read from its JSON Schema (generated from the TypeScript types by scripts/schema.mjs), each
// with an example taken from the complete catalog the page shows. A field without an example fails the build.
import schema from '@candor/core/catalog.schema.json'
import complete from '../../public/examples/complete-catalog.json'

type Node = {
  $ref?: string
  type?: string
  enum?: string[]
  const?: string
  anyOf?: Node[]
  items?: Node
  properties?: Record<string, Node>
  required?: string[]
  not?: object
  description?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
}

export interface Field {
  path: string
  type: string
  required: string
  limits: string[]
  /** The schema's description, in parts: text, and what it marks as code with backticks. */
  description: Array<{ text: string; code: boolean }>
  example: string
}

const parts = (text: string) =>
  text
    .split('`')
    .map((t, i) => ({ text: t, code: i % 2 == 1 }))
    .filter((p) => p.text)

const defs = (schema as { definitions: Record<string, Node> }).definitions
const deref = (n: Node): Node => (n.$ref ? deref(defs[n.$ref.replace('#/definitions/', '')]!) : n)
const nameOf = (n: Node) => n.$ref?.replace('#/definitions/', '')

/** The type in a few words: `text`, `number`, `"choice" or "multi"`, `list of SignalOption`. */
const typeOf = (raw: Node): string => {
  const n = deref(raw)
  if (n.const !== undefined) return JSON.stringify(n.const)
  if (n.enum) return n.enum.map((v) => JSON.stringify(v)).join(' or ')
  if (n.anyOf) return n.anyOf.map((a) => nameOf(a) ?? typeOf(a)).join(' or ')
  if (n.type == 'array') return `list of ${nameOf(n.items!) ?? typeOf(n.items!)}`
  if (n.type == 'string') return 'text'
  if (n.type == 'object') return nameOf(raw) ?? 'object'
  return n.type ?? 'any'
}

const limitsOf = (raw: Node): string[] => {
  const n = deref(raw)
  const out: string[] = []
  if (n.minLength !== undefined || n.maxLength !== undefined) out.push(`${n.minLength ?? 0} to ${n.maxLength} characters`)
  if (n.pattern) out.push(`matches ${n.pattern}`)
  if (n.minimum !== undefined || n.maximum !== undefined) out.push(`from ${n.minimum} to ${n.maximum}`)
  if (n.minItems !== undefined || n.maxItems !== undefined) out.push(`${n.minItems ?? 0} to ${n.maxItems} items`)
  return out
}

/** The first value at `path` (`signals[].options[].value`) in the complete example. */
const exampleAt = (value: unknown, segments: string[]): unknown => {
  if (!segments.length) return value
  const [head, ...rest] = segments
  if (head == '[]') {
    if (!Array.isArray(value)) return undefined
    for (const item of value) {
      const found = exampleAt(item, rest)
      if (found !== undefined) return found
    }
    return undefined
  }
  return value && typeof value == 'object' ? exampleAt((value as Record<string, unknown>)[head!], rest) : undefined
}

const split = (path: string) => path.replaceAll('[]', '.[]').split('.').filter(Boolean)

const show = (v: unknown) => {
  const text = JSON.stringify(v)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** The properties of an object node; a union of objects (a boolean or a listed signal) gives each field once. */
const propertiesOf = (n: Node): Array<[string, Node[], string]> => {
  const parts = (n.anyOf ? n.anyOf.map(deref) : [n]).filter((p) => p.type == 'object')
  const names = [...new Set(parts.flatMap((p) => Object.keys(p.properties ?? {})))]
  return names.map((name) => {
    const nodes = parts.map((p) => p.properties?.[name]).filter((x): x is Node => !!x)
    const needed = parts.map((p) => (p.required ?? []).includes(name))
    // Required by some kinds only (a listed signal's options): say for which, by their `type`.
    const some = parts.filter((_, i) => needed[i]).map((p) => (p.properties?.type ? typeOf(p.properties.type) : ''))
    const required = needed.every(Boolean) ? 'yes' : some.length ? `for ${some.join(', ')}` : 'no'
    return [name, nodes, required]
  })
}

/** Every field under `node`, depth first, each object's fields right after the field that holds it. */
const walk = (raw: Node, prefix: string, out: Field[]) => {
  for (const [name, nodes, required] of propertiesOf(deref(raw))) {
    const path = prefix + name
    // A boolean's `options` is `not: {}` (forbidden): the listed signal's declaration says what it is.
    const allowed = nodes.filter((x) => !x.not)
    const main = allowed[0] ?? nodes[0]!
    const example = exampleAt(complete, split(path))
    if (example === undefined) throw new Error(`docs: the complete catalog (docs/public/examples/complete-catalog.json) has no "${path}": add one`)
    out.push({
      path,
      type: [...new Set(allowed.map(typeOf))].join(' or '),
      required,
      limits: limitsOf(main),
      description: parts((main.description ?? deref(main).description ?? '') + (nodes.some((x) => x.not) ? ' Not allowed on a boolean.' : '')),
      example: show(example),
    })
    const inner = deref(main)
    if (inner.type == 'object' || inner.anyOf?.every((a) => deref(a).type == 'object')) walk(main, `${path}.`, out)
    if (inner.type == 'array' && inner.items) {
      const item = deref(inner.items)
      if (item.type == 'object' || item.anyOf?.some((a) => deref(a).type == 'object')) walk(inner.items, `${path}[].`, out)
    }
  }
}

export const fields = (): Field[] => {
  const out: Field[] = []
  walk(defs.Catalog!, '', out)
  return out
}
