// The article's title without the site's suffix. Chinese portals build <title> as
// `标题_频道_站名` (腾讯网, 新浪), `标题-新浪新闻`, `标题 | 光明网`, `标题—新华网`, `标题--某某的博客`. The page's own
// heading (h1/h2) usually holds the bare title, so a heading that starts the <title> wins; otherwise
// site-like segments are peeled off the ends. A segment is "site-like" when it names the site
// (og:site_name, a heading that is the logo), ends like a site name (网, 新闻, 频道, 博客, 日报 …) or is
// a short channel name (科技, 国际) after `_` or `|`.
import { normalizeSpace } from './to-text.js'

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

// Separators between title parts. A plain hyphen separates only when it is not inside a Latin word or
// number (COVID-19, Trump-Putin); a middle dot only with spaces around it (马尔科·卢比奥 is one name).
const SEPARATOR = /(\s*(?:[_|｜<>»]+|--+|——?|–|::|\s[-·•]\s|(?<![A-Za-z0-9])-|-(?![A-Za-z0-9])|\s@\s)\s*)/

const SITE_END =
  /(网|網|网站|新闻|新聞|频道|頻道|中文网|博客|部落格|社区|論壇|论坛|在线|日报|日報|晚报|时报|時報|周刊|官网|门户|百科|百科全书|电视台|电台|PIXNET|\.com|\.cn|\.net|\.org)$/i
const SHORT_SECTION = 4

interface Segment {
  text: string
  sep: string // the separator before this segment ('' for the first)
}

function split(title: string): Segment[] {
  const parts = title.split(SEPARATOR)
  const segs: Segment[] = []
  let sep = ''
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    if (i % 2 === 1) {
      sep += p
      continue
    }
    if (p.trim()) {
      segs.push({ text: p.trim(), sep: segs.length ? sep : '' })
      sep = ''
    }
  }
  return segs
}

function join(segs: Segment[]): string {
  return segs.map((s, i) => (i ? s.sep : '') + s.text).join('').trim()
}

export interface TitleInputs {
  title: string | null // <title>
  ogTitle: string | null
  headings: string[] // h1, then h2 texts, in document order
  h1Count?: number // how many of `headings` are h1
  siteName: string | null
  /** The page's rendered lines (not links): the title usually stands on a line of its own above the text. */
  lines?: string[]
}

const SEPARATOR_START = /^[_|｜\-—–·:@»<>]/

/** The longest page line that is the <title> up to a separator: `标题` in `标题_频道_站名`. */
function titleLine(full: string, lines: readonly string[]): string | null {
  const fullC = compact(full)
  let best: string | null = null
  for (const line of lines) {
    const c = compact(line)
    if (c.length < 5 || !fullC.startsWith(c)) continue
    if (c.length < fullC.length && !SEPARATOR_START.test(fullC.slice(c.length))) continue
    if (!best || c.length > compact(best).length) best = line
  }
  return best
}

function siteLike(seg: Segment, siteNames: string[], isEdge: boolean): boolean {
  const c = compact(seg.text)
  if (!c) return true
  if (siteNames.some((n) => n && (compact(n) === c || compact(n).includes(c) || c.includes(compact(n))))) return true
  if (c.length <= 16 && SITE_END.test(c)) return true
  if (/powered\s*by|^www\.|^null$/i.test(c)) return true
  // A short channel name at the end (`_科技`, `| 国际`, ` - 要闻云南`), never the first segment.
  return isEdge && c.length <= SHORT_SECTION && seg.sep !== ''
}

/** Peels site-like segments off both ends; returns null when nothing but the site is left. */
export function stripSiteSuffix(title: string, siteNames: string[] = []): string | null {
  const segs = split(normalizeSpace(title))
  if (segs.length === 0) return null
  if (segs.length === 1) {
    const only = segs[0]!
    return siteNames.some((n) => compact(n) === compact(only.text)) ? null : only.text
  }
  let core = segs
  while (core.length > 1 && siteLike(core[core.length - 1]!, siteNames, true)) core = core.slice(0, -1)
  // A leading site name (`新华网 - 标题`) only goes when what follows is longer than it.
  while (core.length > 1 && siteLike(core[0]!, siteNames, false) && compact(join(core.slice(1))).length > compact(core[0]!.text).length) {
    core = core.slice(1)
  }
  const out = join(core)
  // Nothing but the site's name and channel: the page states no title of its own.
  if (core.length === 1 && siteLike({ ...core[0]!, sep: '' }, siteNames, false)) return null
  return out || null
}

export const trimSeparators = (s: string): string => s.replace(/^[\s\-_|｜—–·:：]+|[\s\-_|｜—–·:：]+$/g, '')

/** Chooses the article's title from what the page states. */
export function pickTitle(inp: TitleInputs): string | null {
  const full = normalizeSpace(inp.title ?? '') || normalizeSpace(inp.ogTitle ?? '')
  const headings = inp.headings.map((h) => trimSeparators(normalizeSpace(h))).filter((h) => compact(h).length >= 2)
  const fullC = compact(full)
  // Headings that are the site's logo: they end the <title> (or equal og:site_name).
  const siteNames = [inp.siteName ?? '', ...headings.filter((h) => fullC.length > compact(h).length && fullC.endsWith(compact(h)))]
  if (full) {
    // A heading that starts the <title> (or sits inside it, not at its end) is the bare title, if it
    // is most of what is left once the site's name is peeled off (a column name like 图说洛阳 is not).
    const core = compact(stripSiteSuffix(full, siteNames) ?? full)
    // …or it starts the <title>, ends at a separator and is long enough to be a title (8+ characters):
    // `第四届中国经济学年会会议议程_中国经济学年会秘书处_CN_北京大学中国经济研究中心`.
    const enough = (c: string): boolean =>
      c.length * 5 >= core.length * 2 || (c.length >= 8 && fullC.startsWith(c) && SEPARATOR_START.test(fullC.slice(c.length)))
    let best: string | null = null
    for (const h of headings) {
      const c = compact(h)
      if (c.length < 4 || siteNames.includes(h) || !enough(c)) continue
      const at = fullC.indexOf(c)
      if (at < 0 || (at > 0 && at + c.length === fullC.length)) continue
      if (!best || c.length > compact(best).length) best = h
    }
    if (best) return best
    const line = titleLine(full, inp.lines ?? [])
    if (line && enough(compact(line)) && !siteNames.some((n) => compact(n) === compact(line))) {
      return trimSeparators(normalizeSpace(line))
    }
    const og = normalizeSpace(inp.ogTitle ?? '')
    if (og && fullC.startsWith(compact(og)) && compact(og).length < fullC.length) {
      const stripped = stripSiteSuffix(og, siteNames)
      if (stripped) return stripped
    }
    const stripped = stripSiteSuffix(full, siteNames)
    if (stripped) return stripped
  }
  // No usable <title>: an h1 that is not the site's logo (an h2 is too often a box heading: 导航, 评论).
  // Several h1s are box headings (导航, 公告), not a title.
  const h1 = inp.h1Count === 1 ? headings[0]! : null
  return h1 && !siteNames.includes(h1) && !siteLike({ text: h1, sep: '' }, siteNames, false) ? h1 : null
}
