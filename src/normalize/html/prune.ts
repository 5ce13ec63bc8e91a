// Turns the lines of a candidate article into the article: drops chrome lines, stops at the first
// "comments / related articles / legal notice" marker, removes the title and byline lines at the top,
// then keeps the best contiguous run of lines (a maximum-sum span, as in Kadane's algorithm) so that
// link lists, teasers and short labels hanging off either end are cut without touching subheadings
// between two paragraphs. Two refinements: a long run of short lines counts as text (lyrics, poems),
// and a few short lines or table rows right after the span are kept (a signature, a date, a table).
import { classifyLine, isProse } from './boilerplate.js'
import { findDatesInText } from './date-parse.js'
import type { Block } from './to-text.js'

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

export interface Pruned {
  /** The article's lines. */
  kept: Block[]
  /** Lines cut from the top as title or byline: where a dateline is read from. */
  byline: Block[]
  /** Why lines went, by rule id, for `parley explain`-style debugging. */
  dropped: Array<{ text: string; rule: string }>
}

/** Share of a line's characters that sit inside links. */
export function linkDensity(b: Block): number {
  const n = compact(b.text).length
  return n ? b.linkChars / n : 0
}

// Text left once dates and byline words are removed: a line of only these is a byline.
const BYLINE_WORDS =
  /(来源|稿源|作者|记者|编辑|发布|发表|更新|时间|日期|本报|本网|本台|通讯员|报道|星期[一二三四五六日天]|周[一二三四五六日]|mon|tue|wed|thu|fri|sat|sun)[a-z]*[:：]?/gi

/** True for a short line that is a title-less byline: a date and source/author words, little else. */
export function isBylineLine(text: string): boolean {
  const c = compact(text)
  if (c.length > 80 || /[。！？]/.test(c)) return false
  const dates = findDatesInText(text)
  if (dates.length) {
    let rest = text
    for (const d of dates) rest = rest.replace(d.raw, '')
    // A source is often named by its address (`http://www.sina.net 2005年03月21日 11:21 《理财周刊》`).
    rest = rest.replace(/https?:\/\/\S+|\b[\w-]+(\.[\w-]+)+\b/g, '')
    rest = compact(rest.replace(BYLINE_WORDS, '')).replace(/[\p{P}\p{S}]/gu, '')
    // "2005-04-05 06:40更新 来源：转载文章" leaves the source's name; allow a name or two.
    return rest.length <= 16 || /来源|作者|发布|发表|发稿|刊登|posted|published/i.test(text)
  }
  // 光明日报记者 王建宏 张文攀 / 本报记者 李四
  return c.length <= 30 && /记者|通讯员|特约撰稿/.test(c) && !/[，,]/.test(c)
}

function isTitleLine(text: string, title: string | null): boolean {
  if (!title) return false
  const c = compact(text)
  const t = compact(title)
  if (!c || !t) return false
  return c === t || (c.length >= 4 && t.includes(c) && c.length * 3 >= t.length * 2) || (c.includes(t) && c.length <= t.length + 6)
}

// A short line that is neither prose nor chrome (a subheading, a label): it costs a little, so a run
// of them at either end is cut while one between two paragraphs is kept.
const SHORT_LINE = -5

/** Line score for the best-span search: prose counts by its own text, anything else costs. */
function lineScore(b: Block): number {
  const n = compact(b.text).length
  const ld = linkDensity(b)
  if (ld > 0.5) return -Math.max(10, b.linkChars)
  // A row of a data table: short cells without punctuation, but content all the same.
  if (b.tag === 'tr') return 0
  if (isProse(b.text)) return n - b.linkChars * 2
  return classifyLine(b.text).kind === 'meta' ? -10 : SHORT_LINE
}

// A run of this many short lines in a row, none a link, is verse (lyrics, a poem, a notice's heading
// block), not a menu: menus are links, and labels do not come eight at a time.
const VERSE_RUN = 8

/** Gives short lines inside a long run of short lines their length as score. */
function versesCount(lines: readonly Block[], scores: number[]): number[] {
  const out = [...scores]
  let i = 0
  while (i < lines.length) {
    let j = i
    while (j < lines.length && scores[j] === SHORT_LINE && compact(lines[j]!.text).length >= 2) j++
    if (j - i >= VERSE_RUN) for (let k = i; k < j; k++) out[k] = compact(lines[k]!.text).length
    i = Math.max(j, i + 1)
  }
  return out
}

/** Highest-sum contiguous run of scores, as [start, end) indices. */
function bestSpan(scores: readonly number[]): [number, number] {
  let best = -Infinity
  let span: [number, number] = [0, 0]
  let sum = 0
  let start = 0
  for (let i = 0; i < scores.length; i++) {
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += scores[i]!
    if (sum > best) {
      best = sum
      span = [start, i + 1]
    }
  }
  return best > 0 ? span : [0, 0]
}

/** Content characters needed before an "end of article" marker is believed (else it is a menu item). */
const END_AFTER = 150

/** Index just past the title/byline lines that start at `from` (column tag, title, subtitle, byline). */
function bylineEnd(lines: readonly Block[], from: number, title: string | null): number {
  let top = from
  for (let i = from; i < Math.min(lines.length, from + 6); i++) {
    const t = lines[i]!.text
    if (isTitleLine(t, title) || isBylineLine(t) || classifyLine(t).kind === 'meta') top = i + 1
    else if (compact(t).length >= 60) break // the text has begun: a later "记者" line is in the body
  }
  return top
}

// Short lines right after the article (a signature, a date, 特此通告。, 记者 X 报道) are kept when no
// link or chrome line separates them from it.
const TAIL_LINES = 3

export function prune(blocks: readonly Block[], title: string | null): Pruned {
  const dropped: Pruned['dropped'] = []
  const lines: Block[] = []
  let content = 0
  for (const b of blocks) {
    const v = classifyLine(b.text)
    if (v.kind === 'end' && content >= END_AFTER) {
      dropped.push({ text: b.text, rule: v.rule ?? 'end' })
      break
    }
    if (v.kind === 'chrome' || v.kind === 'end') {
      dropped.push({ text: b.text, rule: v.rule ?? v.kind })
      continue
    }
    // Link-dense lines stay in the sequence for now: they separate the article from teasers below it.
    if (isProse(b.text) && linkDensity(b) <= 0.5) content += compact(b.text).length
    lines.push(b)
  }
  // Title and byline lines at the top, before the best-span search (a title with punctuation would
  // otherwise count as text) and again at the top of the span (it may start below a sidebar).
  const byline: Block[] = []
  const top = bylineEnd(lines, 0, title)
  byline.push(...lines.slice(0, top))
  const rest = lines.slice(top)
  const scores = versesCount(rest, rest.map(lineScore))
  const [first, span] = bestSpan(scores)
  const s = bylineEnd(rest, first, title)
  byline.push(...rest.slice(first, s))
  for (const b of byline) dropped.push({ text: b.text, rule: 'byline' })
  let e = Math.max(span, s)
  // Extend over short lines and the rows of a table that starts right after the article.
  let short = 0
  while (e > s && e < rest.length) {
    if (rest[e]!.tag === 'tr' && scores[e]! >= 0) e++
    else if (scores[e] === SHORT_LINE && short++ < TAIL_LINES) e++
    else break
  }
  const kept: Block[] = []
  rest.forEach((b, i) => {
    if (i >= first && i < s) return // already listed as byline
    if (i < s || i >= e) dropped.push({ text: b.text, rule: 'outside-span' })
    else if (linkDensity(b) > 0.5) dropped.push({ text: b.text, rule: 'link-dense' })
    else kept.push(b)
  })
  return { kept, byline, dropped }
}
