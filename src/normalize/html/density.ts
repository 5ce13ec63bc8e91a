// Our own main-text finder, used when Readability finds nothing or too little. It is hand-written
// because no maintained JavaScript library does Chinese main-text extraction: Readability's scoring
// counts commas and 100-character chunks tuned for Latin text, and the Chinese-specific methods (CEPF,
// GNE) exist only as papers and Python code. The idea is theirs: article text is dense in sentence
// punctuation (，。：“” every 10-30 characters) and sparse in links, while menus, link lists and footers
// are the reverse. Each element is scored by the punctuation in its own non-link text, discounted by
// the share of its text that sits in links or in chrome; the best-scoring element is the article's
// container. Ancestors gain little punctuation from chrome but a lot of link text, so the score peaks
// at the smallest element that still holds the whole article.
import { punctuationCount } from './boilerplate.js'
import { isHidden, SKIP_TAGS } from './to-text.js'

interface Stats {
  chars: number // non-space characters of rendered text
  linkChars: number // of which inside <a> or in chrome elements
  punct: number // punctuation marks outside links and chrome
}

export interface DensityPick {
  node: Element
  score: number
  stats: Stats
}

// Elements that are chrome by their very tag, and class/id words that mark chrome containers.
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'menu'])
const CHROME_HINT =
  /(^|[-_\s])(comments?|comment-?list|share|sharebar|bdshare|footer|copyright|related|relate|recommend|breadcrumbs?|crumbs?|sidebar|nav|navbar|menu|topbar|toolbar|ads?|advert|banner|login|rank|friendlinks?)([-_\s\d]|$)/i
// Containers worth considering as the article (inline elements never are).
const CONTAINER_TAGS = new Set([
  'div', 'td', 'article', 'section', 'main', 'body', 'table', 'tbody', 'tr', 'center', 'font', 'span', 'blockquote',
  'dd', 'li', 'ul', 'form', 'p', 'pre',
])

const nonSpace = (s: string): number => s.replace(/[\s\u00a0\u3000\u200b]+/g, '').length

function isChrome(el: Element): boolean {
  const tag = el.tagName.toLowerCase()
  if (tag === 'body' || tag === 'html') return false
  if (CHROME_TAGS.has(tag)) return true
  const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  return hint.length > 1 && CHROME_HINT.test(hint)
}

/** Scores every container under `root` and returns the best one, or null when no text has punctuation. */
export function densestNode(root: Element): DensityPick | null {
  let best: DensityPick | null = null

  const visit = (node: Node, inLink: boolean, inChrome: boolean): Stats => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? ''
      const chars = nonSpace(text)
      const boiler = inLink || inChrome
      return { chars, linkChars: boiler ? chars : 0, punct: boiler ? 0 : punctuationCount(text) }
    }
    const total: Stats = { chars: 0, linkChars: 0, punct: 0 }
    if (node.nodeType !== 1) return total
    const el = node as Element
    const tag = el.tagName.toLowerCase()
    if (SKIP_TAGS.has(tag) || isHidden(el)) return total
    const link = inLink || tag === 'a'
    const chrome = inChrome || isChrome(el)
    for (let c = el.firstChild; c; c = c.nextSibling) {
      const s = visit(c, link, chrome)
      total.chars += s.chars
      total.linkChars += s.linkChars
      total.punct += s.punct
    }
    if (!chrome && CONTAINER_TAGS.has(tag) && total.punct > 0) {
      const ld = total.chars ? total.linkChars / total.chars : 1
      const score = total.punct * (1 - ld) * (1 - ld)
      if (!best || score > best.score) best = { node: el, score, stats: { ...total } }
    }
    return total
  }

  visit(root, false, false)
  return best
}
