// Plain-text tables for a terminal. Widths are display cells (string-width: a Chinese character is two, a
// combining mark none), and on a terminal the table is narrowed to its width, widest columns first.
import stringWidth from 'string-width'

export function cellWidth(s: string): number {
  return stringWidth(s)
}

const segmenter = new Intl.Segmenter()

function fit(s: string, width: number): string {
  if (stringWidth(s) <= width) return s + ' '.repeat(width - stringWidth(s))
  let out = ''
  let w = 0
  for (const { segment } of segmenter.segment(s)) {
    const cw = stringWidth(segment)
    if (w + cw > width - 1) break
    out += segment
    w += cw
  }
  return out + '…' + ' '.repeat(Math.max(0, width - w - 1))
}

/** The width to fit: the terminal's when stdout is one ($COLUMNS otherwise, if set), else none. */
export function terminalWidth(): number | null {
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns
  const env = Number(process.env.COLUMNS)
  return Number.isInteger(env) && env > 0 ? env : null
}

const GAP = 2
const MIN_COLUMN = 4

/** Renders rows under a header; columns wider than `max` are cut with an ellipsis, and the whole fits `total`. */
export function renderTable(header: string[], rows: string[][], max: number[] = [], total: number | null = terminalWidth()): string {
  const clean = (c: string | undefined): string => (c ?? '').replace(/[\r\n\t]+/g, ' ')
  const body = rows.map((r) => header.map((_, i) => clean(r[i])))
  const widths = header.map((h, i) => Math.min(max[i] ?? 60, Math.max(cellWidth(h), ...body.map((r) => cellWidth(r[i]!)))))
  if (total) {
    // Take one cell at a time from the widest column until the table fits (or every column is narrow).
    let over = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - total
    while (over > 0) {
      const widest = widths.indexOf(Math.max(...widths))
      if (widths[widest]! <= MIN_COLUMN) break
      widths[widest]!--
      over--
    }
  }
  const line = (cells: string[]): string => cells.map((c, i) => fit(c, widths[i]!)).join(' '.repeat(GAP)).trimEnd()
  return [line(header.map((h) => h)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}
