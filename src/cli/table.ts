// Plain-text tables for a terminal. Hand-written because column widths must count Chinese characters as two
// cells, which the small table packages get wrong or need a second dependency for.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

export function cellWidth(s: string): number {
  let w = 0
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1
  return w
}

function fit(s: string, width: number): string {
  let out = ''
  let w = 0
  for (const ch of s) {
    const cw = WIDE.test(ch) ? 2 : 1
    if (w + cw > width - (cellWidth(s) > width ? 1 : 0)) {
      out += '…'
      w += 1
      break
    }
    out += ch
    w += cw
  }
  return out + ' '.repeat(Math.max(0, width - w))
}

/** Renders rows under a header; columns wider than `max` are cut with an ellipsis. */
export function renderTable(header: string[], rows: string[][], max: number[] = []): string {
  const widths = header.map((h, i) => Math.min(max[i] ?? 60, Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? '')))))
  const line = (cells: string[]): string => cells.map((c, i) => fit(c ?? '', widths[i]!)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}
