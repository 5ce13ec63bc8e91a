// Text with marked spans, for the evidence sentence of an event and for the document view. Spans may overlap
// (a name inside a quote inside an event's evidence): the text is cut at every span edge and each piece carries
// the classes of every span over it, so nesting never has to be well formed. Every piece is escaped.
import { html, type Html } from './html.js'

export interface Mark {
  start: number
  end: number
  cls: string
  /** Where a click on the piece goes: the innermost (shortest) span's target wins. */
  href?: string
  title?: string
}

export function highlight(text: string, marks: Mark[], base = 0): Html {
  const ms = marks.map((m) => ({ ...m, start: Math.max(0, m.start - base), end: Math.min(text.length, m.end - base) })).filter((m) => m.end > m.start)
  const cuts = [...new Set([0, text.length, ...ms.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b)
  const out: Html[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!]
    const piece = text.slice(a, b)
    const on = ms.filter((m) => m.start <= a && m.end >= b)
    if (!on.length) {
      out.push(html`${piece}`)
      continue
    }
    const inner = on.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x))
    const cls = [...new Set(on.map((m) => m.cls))].join(' ')
    const title = on.map((m) => m.title).filter(Boolean).join(' · ')
    const target = on.filter((m) => m.href).reduce<Mark | null>((x, y) => (!x || y.end - y.start < x.end - x.start ? y : x), null) ?? (inner.href ? inner : null)
    out.push(target?.href ? html`<a class="${cls}" href="${target.href}" title="${title}">${piece}</a>` : html`<mark class="${cls}" title="${title}">${piece}</mark>`)
  }
  return html`${out}`
}

/** A search snippet: the store marks hits «so»; they become <mark>, everything else stays text. */
export function snippet(s: string): Html {
  return html`${s.split(/(«[^»]*»)/u).map((p) => (p.startsWith('«') && p.endsWith('»') ? html`<mark>${p.slice(1, -1)}</mark>` : p))}`
}
