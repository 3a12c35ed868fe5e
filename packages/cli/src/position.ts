// Offsets in a file's text as a person finds them: line and column.

/** A function from an offset in `text` to its 1-based line and column. */
export const positions = (text: string): ((offset: number) => { line: number; column: number }) => {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    // Binary search: the last line that starts at or before the offset.
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }
}
