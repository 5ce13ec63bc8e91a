// HTML → main text, title, publication-date candidates and page metadata. Whole pages go through the
// main-text ladder (main-text.ts); feed fragments are all article and only get the line filters.
import type { Published } from '../../core/document.js'
import { classifyLine } from './boilerplate.js'
import { articleStart, findPublished } from './dates.js'
import { parseBody, parsePage } from './dom.js'
import { fragmentText, mainText, type MainText } from './main-text.js'
import { isBylineLine } from './prune.js'
import { pickTitle, trimSeparators } from './title.js'
import { blocksOf, joinBlocks, normalizeSpace, type Block } from './to-text.js'

export { htmlToText } from './to-text.js'
export { stripSiteSuffix } from './title.js'

export interface HtmlExtract {
  /** Main text: one paragraph per block, joined by "\n\n", no site chrome. */
  text: string
  /** Title without the site suffix. */
  title: string | null
  /** Publication-date candidates, best first. */
  dates: Published[]
  lang: string | null
  siteName: string | null
  canonicalUrl: string | null
  /** Which level produced the text: 'readability' | 'density' | 'body' | 'fragment' | 'none'. */
  method: string
}

export interface HtmlOptions {
  url?: string | null
  /** The input is a feed item's HTML, not a whole page. */
  fragment?: boolean
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const m of Array.from(doc.querySelectorAll('meta'))) {
      const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('http-equiv') ?? '').toLowerCase()
      const v = m.getAttribute('content')?.trim()
      if (k === key && v) return v
    }
  }
  return null
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null
  try {
    return new URL(href, base ?? undefined).href
  } catch {
    return null // a relative link with no base URL to resolve it against says nothing useful
  }
}

const LANG_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i

/**
 * The declared language (`<html lang>`, content-language, og:locale) when it is a language tag that fits
 * the text; templates often say `lang="en"` over Chinese text, so mostly-Han text overrides a non-CJK
 * declaration (kana make it Japanese).
 */
function langOf(doc: Document, text: string): string | null {
  const attr = doc.documentElement.getAttribute('lang') ?? doc.documentElement.getAttribute('xml:lang')
  const raw = (attr?.trim() || meta(doc, 'content-language', 'og:locale', 'language'))?.replace(/_/g, '-') ?? null
  const declared = raw && LANG_TAG.test(raw) ? raw : null
  if (declared && /^(zh|ja|ko)\b/i.test(declared)) return declared
  const sample = text.slice(0, 2000)
  const letters = sample.match(/\p{L}/gu)?.length ?? 0
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0
  if (letters >= 20 && (han + kana) * 2 > letters) return kana * 10 > han ? 'ja' : 'zh'
  return declared
}

function headingTexts(doc: Document): { headings: string[]; h1Count: number } {
  const text = (els: Element[]): string[] => els.map((h) => normalizeSpace(h.textContent ?? '')).filter(Boolean)
  const h1 = text(Array.from(doc.querySelectorAll('h1')))
  const h2 = text(Array.from(doc.querySelectorAll('h2')).slice(0, 20))
  return { headings: [...h1, ...h2], h1Count: h1.length }
}

const HEADING = /^h[1-4]$/

/**
 * A page whose <title> is missing or names only the site: the title is the line cut from the top of
 * the article that is not a byline, else the nearest heading (h1-h4) above the text.
 */
function titleAboveText(lines: readonly Block[], main: MainText): string | null {
  const fromByline = main.byline.find((b) => !isBylineLine(b.text) && classifyLine(b.text).kind === 'text' && b.text.length <= 80)
  if (fromByline) return trimSeparators(fromByline.text)
  const start = articleStart(lines, main.blocks)
  for (let i = start - 1; i >= 0 && i >= start - 10; i--) if (HEADING.test(lines[i]!.tag)) return trimSeparators(lines[i]!.text)
  return null
}

/** Main text, title, dates and metadata of a page (or of a feed item's HTML with `fragment: true`). */
export function extractHtml(html: string, opts: HtmlOptions = {}): HtmlExtract {
  const fragment = opts.fragment ?? false
  const doc = fragment ? parseBody(html) : parsePage(html)
  const siteName = meta(doc, 'og:site_name', 'application-name')
  const titleEl = doc.querySelector('title')
  const pageBlocks = fragment ? [] : blocksOf(doc.body)
  let title = pickTitle({
    title: fragment ? null : (titleEl?.textContent ?? null),
    ogTitle: meta(doc, 'og:title', 'twitter:title'),
    ...headingTexts(doc),
    siteName,
    lines: pageBlocks.filter((b) => b.linkChars * 2 < b.text.length).map((b) => b.text),
  })
  const main = fragment ? fragmentText(doc, title) : mainText(html, doc, title)
  if (!title && !fragment) title = titleAboveText(pageBlocks, main)
  const dates = findPublished({
    doc,
    pageBlocks,
    byline: main.byline,
    article: main.blocks,
    title,
    fragment,
  })
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url')
  const text = joinBlocks(main.blocks)
  return {
    text,
    title,
    dates,
    lang: langOf(doc, text),
    siteName,
    canonicalUrl: resolveUrl(canonical, opts.url),
    method: main.method,
  }
}
