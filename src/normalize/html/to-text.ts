// Block-aware DOM → text. A browser puts a line break around every block element and at every <br>;
// we do the same and call each resulting line a paragraph. Inline runs are joined, whitespace is
// collapsed, and a line break between two CJK characters disappears (CSS Text 3 segment-break rule:
// hard-wrapped Chinese source must not gain spaces in the middle of words).
import { parseBody } from './dom.js'

/** One rendered line of text with how much of it sat inside links (for link-density filters). */
export interface Block {
  text: string
  linkChars: number
  /** The nearest block-level element that produced this line (lower-case tag name). */
  tag: string
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'caption', 'html', 'legend', 'marquee',
])

/** Elements whose text never belongs to the reading text. */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option',
  'textarea', 'button', 'head', 'title', 'meta', 'link', 'input', 'video', 'audio', 'map', 'frameset', 'frame',
  // Ruby annotations (furigana, zhuyin) are pronunciation guides printed above the text, not text.
  'rt', 'rp',
])

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i

/** True when the element is hidden by an attribute or an inline style (old pages hide keyword stuffing so). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true
  const style = el.getAttribute('style')
  return style !== null && HIDDEN_STYLE.test(style)
}

// Whitespace as HTML sees it plus the no-break and ideographic spaces Chinese pages use for indentation.
const WS = /[\s\u00a0\u3000\u200b\ufeff]+/g
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef'
const CJK_BREAK_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]*[\\r\\n][\\s\\u00a0]*(?=[${CJK}])`, 'g')

/** Collapses whitespace the way a paragraph is rendered: one space, none at the ends, none across a CJK line wrap. */
export function normalizeSpace(s: string): string {
  return s.replace(CJK_BREAK_CJK, '$1').replace(WS, ' ').trim()
}

class Collector {
  readonly blocks: Block[] = []
  private buf = ''
  private links = 0
  constructor(private current: Element) {}

  add(text: string, inLink: boolean): void {
    this.buf += text
    if (inLink) this.links += text.replace(WS, '').length
  }

  /** Ends the current line; `next` is the block element the following text belongs to. */
  flush(next: Element): void {
    const text = normalizeSpace(this.buf)
    if (text) {
      const linkChars = Math.min(this.links, text.replace(WS, '').length)
      this.blocks.push({ text, linkChars, tag: this.current.tagName.toLowerCase() })
    }
    this.buf = ''
    this.links = 0
    this.current = next
  }
}

// A data table (a grid of short cells, no table inside) reads row by row: one line per <tr>, cells
// separated by a space. A layout table (cells holding whole columns of the page) is left to the
// block rules, which give each cell's paragraphs their own lines.
const DATA_CELL_MAX = 100

function isDataTable(table: Element): boolean {
  if (table.querySelector('table')) return false
  const rows = Array.from(table.querySelectorAll('tr'))
  let wide = 0
  for (const tr of rows) {
    const cells = Array.from(tr.children).filter((c) => /^(td|th)$/i.test(c.tagName))
    if (cells.some((c) => (c.textContent ?? '').replace(WS, '').length > DATA_CELL_MAX)) return false
    if (cells.length >= 2) wide++
  }
  return wide >= 2
}

function inlineText(node: Node, out: Collector, inLink: boolean): void {
  if (node.nodeType === 3) {
    out.add(node.nodeValue ?? '', inLink)
    return
  }
  if (node.nodeType !== 1) return
  const el = node as Element
  const tag = el.tagName.toLowerCase()
  if (SKIP_TAGS.has(tag) || isHidden(el)) return
  if (tag === 'br' || BLOCK_TAGS.has(tag)) out.add(' ', false)
  for (let c = el.firstChild; c; c = c.nextSibling) inlineText(c, out, inLink || tag === 'a')
}

function walkDataTable(table: Element, out: Collector, inLink: boolean): void {
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (isHidden(tr)) continue
    out.flush(tr)
    for (const cell of Array.from(tr.children)) {
      if (!/^(td|th)$/i.test(cell.tagName)) continue
      inlineText(cell, out, inLink)
      out.add(' ', false)
    }
  }
}

function walk(node: Node, out: Collector, inLink: boolean, block: Element): void {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? ''
    if (block.tagName.toLowerCase() === 'pre') {
      // Preformatted text keeps its own line breaks: each line is a paragraph.
      const lines = text.split('\n')
      lines.forEach((line, i) => {
        if (i > 0) out.flush(block)
        out.add(line, inLink)
      })
    } else out.add(text, inLink)
    return
  }
  if (node.nodeType !== 1) return
  const el = node as Element
  const tag = el.tagName.toLowerCase()
  if (SKIP_TAGS.has(tag) || isHidden(el)) return
  if (tag === 'br') {
    out.flush(block)
    return
  }
  if (tag === 'table' && isDataTable(el)) {
    out.flush(el)
    walkDataTable(el, out, inLink)
    out.flush(block)
    return
  }
  const isBlock = BLOCK_TAGS.has(tag)
  const link = inLink || tag === 'a'
  if (isBlock) out.flush(el)
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c, out, link, isBlock ? el : block)
  if (isBlock) out.flush(block)
}

/** The rendered lines under `root`, in document order. */
export function blocksOf(root: Node): Block[] {
  const start = root.nodeType === 1 ? (root as Element) : (root.ownerDocument?.documentElement ?? null)
  if (!start) return []
  const out = new Collector(start)
  walk(root, out, false, start)
  out.flush(start)
  return out.blocks
}

/** Joins lines into the text form every stage reads: one paragraph per line, separated by a blank line. */
export function joinBlocks(blocks: readonly { text: string }[]): string {
  return blocks.map((b) => b.text).join('\n\n')
}

/** Block-aware HTML → text for small fragments: no boilerplate removal, just faithful rendering. */
export function htmlToText(html: string): string {
  const doc = parseBody(html)
  return joinBlocks(blocksOf(doc.body))
}
