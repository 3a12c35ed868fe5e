// Where a catalog's problem is in its file: the core names each by path (`signals[1].type`), a terminal and an editor
// want line and column. jsonc-parser (Microsoft's, which VS Code uses) gives the tree with offsets, so no JSON
// parser is written here.
import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser'
import { positions } from './position.js'

/** `signals[1].options[0].value` as the segments jsonc-parser walks: `['signals', 1, 'options', 0, 'value']`. */
const segments = (path: string): (string | number)[] => [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])))

/** Where a node's name is (a property's key), else the node itself. */
const start = (node: Node) => (node.parent?.type == 'property' ? node.parent.offset : node.offset)

/**
 * A function from a catalog path to its line and column in `text`: the field's name where it is written, else its
 * nearest written parent (a required field that is missing is reported where it should be), else the file's start.
 */
export const locator = (text: string): ((path: string) => { line: number; column: number }) => {
  const root = parseTree(text)
  const at = positions(text)
  return (path) => {
    const segs = segments(path)
    for (let n = segs.length; root && n >= 0; n--) {
      const node = findNodeAtLocation(root, segs.slice(0, n))
      if (node) return at(n ? start(node) : node.offset)
    }
    return at(0)
  }
}
