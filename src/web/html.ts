// The one escaping helper of the dashboard. Every page is built with the `html` tag: whatever is interpolated
// is escaped unless it is already Html (built by this tag). Article text, titles, names and URLs therefore reach
// the browser as text, never as markup: a <script> or onerror= inside an article is shown, not run.

/** Markup this module built; the only values `html` interpolates unescaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }

/** Text for an element body or a quoted attribute value. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]!)
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[]

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return ''
  if (v instanceof Html) return v.value
  if (Array.isArray(v)) return v.map(render).join('')
  return esc(v)
}

/** html`<p>${text}</p>`: interpolations are escaped; arrays are joined; null, undefined and false render nothing. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? ''
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')))
  return new Html(out)
}

/** A URL for href/src: only our own paths and http(s) links; anything else (javascript:, data:) becomes '#'. */
export function safeUrl(u: string | null | undefined): string {
  if (!u) return '#'
  if (u.startsWith('/') && !u.startsWith('//')) return u
  return /^https?:\/\//i.test(u) ? u : '#'
}

/** A query string from the non-empty values, for links that keep the current filters. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  const s = p.toString()
  return s ? `?${s}` : ''
}
