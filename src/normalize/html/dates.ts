// Publication-date candidates for a page, best first. Provenance decides the order: what the publisher
// states for machines (meta tags, JSON-LD, <time>) comes before what we read in the text, and in the
// text only the byline region counts — the lines between the title and the first paragraph, a post
// footer right below the text, or the very first / last line of the article when it is a dateline. A
// date inside the body ("1989年4月15日 胡耀邦去世") is what the article is about, not when it was published.
import type { Published } from '../../core/document.js'
import { findDatesInText, parseDateValue, type ParsedDate } from './date-parse.js'
import { isBylineLine } from './prune.js'
import type { Block } from './to-text.js'

// Meta keys (name / property / itemprop, lower-cased) that state first publication, strongest first.
const META_KEYS = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published',
  'published_time', 'datepublished', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'pub_date',
  'publishtime', 'publish_time', 'publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created',
  'dcterms.created', 'dc.date', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'weibo:article:create_at',
  'weibo:webpage:create_at', 'apub:time', 'article_date_original', 'og:release_date', 'release_date', 'date',
  'created', 'creation_date',
]

export interface DateContext {
  doc: Document
  /** The page's rendered lines (whole body), to find the byline region. */
  pageBlocks: readonly Block[]
  /** Lines cut from the top of the article as title or byline. */
  byline: readonly Block[]
  /** The article's lines, as extracted. */
  article: readonly Block[]
  title: string | null
  /** Fragment mode: there is no page around the article, only its own byline and edge lines count. */
  fragment: boolean
}

function toPublished(p: ParsedDate, source: Published['source']): Published {
  return { at: p.at, precision: p.precision, source, raw: p.raw }
}

function fromMeta(doc: Document): Published[] {
  const byKey = new Map<string, string>()
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    // Sina writes `name="weibo: article:create_at"`: spaces in a key carry no meaning.
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').replace(/\s+/g, '').toLowerCase()
    const value = m.getAttribute('content')
    if (key && value && !byKey.has(key)) byKey.set(key, value)
  }
  const out: Published[] = []
  for (const key of META_KEYS) {
    const v = byKey.get(key)
    const p = v ? parseDateValue(v) : null
    if (p) out.push({ ...toPublished(p, 'meta-tag'), raw: v ?? null })
  }
  return out
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json }

function collectJsonLd(node: Json, out: string[], depth: number): void {
  if (depth > 6 || node === null || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const n of node) collectJsonLd(n, out, depth + 1)
    return
  }
  const v = node['datePublished'] ?? node['dateCreated']
  if (typeof v === 'string') out.push(v)
  for (const [k, child] of Object.entries(node)) if (k !== 'datePublished') collectJsonLd(child, out, depth + 1)
}

function fromJsonLd(doc: Document): Published[] {
  const out: Published[] = []
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: Json
    try {
      data = JSON.parse((s.textContent ?? '').trim()) as Json
    } catch {
      continue // a malformed block is common (trailing commas, CMS comments); the other sources still count
    }
    const values: string[] = []
    collectJsonLd(data, values, 0)
    for (const v of values) {
      const p = parseDateValue(v)
      if (p) out.push({ ...toPublished(p, 'json-ld'), raw: v })
    }
  }
  return out
}

const NEGATIVE = /comment|reply|related|recommend|sidebar|footer|list|hot/i

function fromTimeElements(doc: Document): Published[] {
  const out: Published[] = []
  const marked = Array.from(doc.querySelectorAll('time[pubdate], [itemprop="datePublished"]'))
  const plain = Array.from(doc.querySelectorAll('time[datetime]')).filter((t) => {
    for (let e: Element | null = t; e; e = e.parentElement) {
      if (NEGATIVE.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`)) return false
    }
    return true
  })
  for (const el of [...marked, ...plain.slice(0, 2)]) {
    const v = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? ''
    const p = parseDateValue(v)
    if (p) out.push({ ...toPublished(p, 'time-element'), raw: v.trim() })
  }
  return out
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')
// Byline lines are short; a long line is prose whose dates are about events.
const BYLINE_MAX = 120
// Words that say a date on this line is the publication date (发布时间：…, 2005-04-05 06:40更新).
const PUB_WORDS = /发布|发表|发稿|刊发|更新|时间|日期|来源|作者|记者|posted|published|updated/i

/** Dates on one line, if the line is short enough to be a byline. */
function lineDates(text: string): ParsedDate[] {
  if (compact(text).length > BYLINE_MAX) return []
  return findDatesInText(text)
}

// How far above the article's first line the title may sit and still anchor the byline region.
const TITLE_WINDOW = 15

/** Index of the page line that is the title: the earliest match in the window above the article. */
function titleIndex(lines: readonly Block[], title: string | null, before: number): number {
  if (!title) return -1
  const t = compact(title)
  if (t.length < 2) return -1
  for (let i = Math.max(0, before - TITLE_WINDOW); i < Math.min(lines.length, before); i++) {
    const c = compact(lines[i]!.text)
    const match = c === t || (c.includes(t) && c.length <= t.length + 30) || (c.length >= 6 && t.includes(c) && c.length * 2 >= t.length)
    if (match) return i
  }
  return -1
}

/** Index of the page line where the article starts (its first prose line), or -1. */
export function articleStart(lines: readonly Block[], article: readonly Block[]): number {
  const first = article.find((b) => compact(b.text).length >= 15)
  if (!first) return -1
  const probe = compact(first.text).slice(0, 15)
  return lines.findIndex((b) => compact(b.text).includes(probe))
}

/** Index of the page line where the article ends (its last prose line), or -1. */
function articleEnd(lines: readonly Block[], article: readonly Block[]): number {
  const last = [...article].reverse().find((b) => compact(b.text).length >= 15)
  if (!last) return -1
  const c = compact(last.text)
  const probe = c.slice(Math.max(0, c.length - 15))
  for (let i = lines.length - 1; i >= 0; i--) if (compact(lines[i]!.text).includes(probe)) return i
  return -1
}

const FOOTER_LINES = 3

function fromText(ctx: DateContext): Published[] {
  // 1. Lines cut from the article's top as its byline: the strongest place a page states its date.
  const region: Block[] = [...ctx.byline]
  // 2. The page's lines between the title and the article's first line (a site may put the date just
  //    above the title); without a title found, only the few lines right above the text.
  if (!ctx.fragment) {
    const lines = ctx.pageBlocks
    const start = articleStart(lines, ctx.article)
    if (start >= 0) {
      const t = titleIndex(lines, ctx.title, start)
      const from = t >= 0 ? Math.max(0, t - 2) : Math.max(0, start - 4)
      region.push(...lines.slice(from, start))
    }
  }
  const strong: ParsedDate[] = []
  const weak: ParsedDate[] = []
  for (const line of region) {
    // A line that says 发布时间/来源/更新 is a byline whatever else it holds; any other line counts
    // only if it is little more than a date (a subtitle such as 纪念1949年… is not a dateline).
    if (PUB_WORDS.test(line.text)) strong.push(...lineDates(line.text))
    else if (isBylineLine(line.text)) weak.push(...lineDates(line.text))
  }
  // 3. A post footer right below the text (blogs: "作者:x 阅读(1660) 发表于:2005-07-31 12:30", a bare
  //    "2019-09-08 11:42:03" under a short post), when it says it is a posting date or is only a date.
  const footer: ParsedDate[] = []
  if (!ctx.fragment && !strong.length) {
    const end = articleEnd(ctx.pageBlocks, ctx.article)
    if (end >= 0) {
      for (const line of ctx.pageBlocks.slice(end + 1, end + 1 + FOOTER_LINES)) {
        if (PUB_WORDS.test(line.text)) strong.push(...lineDates(line.text))
        else if (isBylineLine(line.text)) footer.push(...lineDates(line.text))
      }
    }
  }
  const picked = [...strong, ...weak, ...footer]
  if (!picked.length && ctx.article.length) {
    // 4. Dateline position: the article's first or last line, when it is a byline (a date and a source,
    //    not a sentence that mentions a date).
    const edge = [ctx.article[0]!, ctx.article[ctx.article.length - 1]!]
    for (const line of edge) if (isBylineLine(line.text)) picked.push(...lineDates(line.text))
  }
  return picked.map((p) => toPublished(p, 'text-pattern'))
}

/** True when `fine` states the same moment as `coarse`, only more precisely. */
function refines(fine: Published, coarse: Published): boolean {
  if (!fine.at || !coarse.at || fine.at.length <= coarse.at.length) return false
  return fine.at.startsWith(coarse.at)
}

/** Publication-date candidates, strongest provenance first; each value appears once. */
export function findPublished(ctx: DateContext): Published[] {
  const all = [...fromMeta(ctx.doc), ...fromJsonLd(ctx.doc), ...fromTimeElements(ctx.doc), ...fromText(ctx)]
  const out: Published[] = []
  for (const p of all) if (!out.some((q) => q.at === p.at)) out.push(p)
  // A meta tag with only the day loses its place to a byline that gives the same day to the minute.
  const best = out[0]
  if (best) {
    const finer = out.findIndex((p) => refines(p, best))
    if (finer > 0) out.unshift(...out.splice(finer, 1))
  }
  return out
}
