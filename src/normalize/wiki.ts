// Copies of Wikipedia pages: the article without MediaWiki's furniture ([编辑] links, footnote markers,
// the tagline), and the numbered reference list kept as structured sources instead of text.
import type { Reference } from '../core/index.js'
import { readTsv } from '../lexicon/load.js'
import { stripChrome } from './chrome.js'

const TAGLINE = /^\s*(?:维基百科[，,]\s*自由的百科全书|維基百科[，,]\s*自由的百科全書|From Wikipedia, the free encyclopedia)\s*$/
const REF_HEADING = /^\s*(?:参考文献|參考文獻|参考资料|參考資料|参考来源|參考來源|来源|來源|脚注|腳註|注释|註釋|References|Notes|Citations)\s*$/
// [1], [4][5], [a], [注 1], and maintenance tags such as [来源请求] left inline by the copy.
const MARKERS = /\[(?:\d{1,3}|[a-z]|注 ?\d{1,3}|來源請求|来源请求|需要引用|需要来源|citation needed|编辑|編輯|edit)\]/g
// "  12. ^ 12.0 12.1 Author. Title. Outlet. 2025-02-13 [2025-02-18]. (原始内容存档于…) (英语)."
const ENTRY = /^\s*(\d{1,4})\.\s*\^\s*(?:(?:\d+\.\d+|[a-z]{1,2})\s+)*(.*)$/

export interface WikiExtract {
  title: string | null
  text: string
  references: Reference[]
}

let languages: Map<string, string> | null = null
function languageCode(name: string): string {
  languages ??= new Map(readTsv('languages.tsv').rows.map((r) => [r.name!, r.code!]))
  return languages.get(name) ?? name
}

export function extractWikiText(body: string): WikiExtract {
  const lines = body.replace(/\r\n?/g, '\n').split('\n')
  const tag = lines.findIndex((l) => TAGLINE.test(l))
  // The article title is the line just above the tagline; without a tagline, the first real line.
  let titleAt = -1
  for (let i = (tag >= 0 ? tag : lines.length) - 1; i >= 0 && tag >= 0; i--) if (lines[i]!.trim()) { titleAt = i; break }
  const refAt = findReferenceHeading(lines)
  const articleLines = lines.slice(titleAt + 1, refAt >= 0 ? refAt : lines.length)
  const kept = stripChrome(articleLines).map((l) => l.replace(MARKERS, '').replace(/[ \t]+$/, ''))
  let title = titleAt >= 0 ? lines[titleAt]!.trim() : null
  if (!title) {
    const first = kept.findIndex((l) => l.trim())
    if (first >= 0) title = kept.splice(first, 1)[0]!.trim()
  }
  const text = kept.map((l) => l.trim()).filter(Boolean).join('\n\n')
  return { title, text, references: refAt >= 0 ? parseReferences(lines.slice(refAt + 1)) : [] }
}

/** The last reference heading that is followed by numbered "^" entries. */
function findReferenceHeading(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!REF_HEADING.test(lines[i]!)) continue
    if (lines.slice(i + 1, i + 8).some((l) => ENTRY.test(l))) return i
  }
  return -1
}

export function parseReferences(lines: string[]): Reference[] {
  const entries: { n: number; raw: string }[] = []
  for (const line of lines) {
    const m = ENTRY.exec(line)
    if (m) entries.push({ n: Number(m[1]), raw: m[2]!.trim() })
    else if (entries.length && line.trim() && !/^\s*\[(?:编辑|編輯|edit)\]\s*$/.test(line)) {
      // A wrapped entry continues on the next line.
      entries[entries.length - 1]!.raw += ' ' + line.trim()
    }
  }
  return entries.filter((e) => e.n > 0 && e.raw).map((e) => parseCitation(e.n, e.raw))
}

/**
 * Reads one citation as zh.wikipedia's citation templates render it:
 * "Authors. Title. Outlet. Date [access date]. ISSN. (原始内容存档于 …) (language)."
 * Segments are split on ". "; dates, ISSNs and the archive note are recognised by shape, the outlet is the
 * last text segment, the title what stands between the authors and the outlet.
 */
export function parseCitation(n: number, raw: string): Reference {
  let rest = raw.replace(/\s+/g, ' ').trim()
  let language: string | null = null
  const lang = /\(([^()]{1,12}语|[^()]{1,12}語|中文|简体中文|繁體中文)\)\s*\.?\s*$/.exec(rest)
  if (lang) {
    language = languageCode(lang[1]!)
    rest = rest.slice(0, lang.index).trim()
  }
  rest = rest.replace(/\((?:原始内容|原始內容)[^()]*\)\.?/g, '').trim()
  let accessed: string | null = null
  let date: string | null = null
  const acc = /\[(\d{4}-\d{2}-\d{2})\]/.exec(rest)
  if (acc) {
    accessed = acc[1]!
    rest = rest.replace(acc[0], '').trim()
  }
  const segments = rest.split(/\.\s+|\.$/).map((s) => s.trim()).filter(Boolean)
  const text: string[] = []
  for (const s of segments) {
    const d = /^(\d{4}-\d{2}-\d{2})$/.exec(s)
    if (d) {
      date ??= d[1]!
      continue
    }
    if (/^(?:ISSN\s*)?\d{4}-\d{3}[\dX]$/i.test(s)) continue
    text.push(s)
  }
  // Authors: "Surname, Given" and trailing initials (News, A. B. C.) before the title.
  let start = 0
  if (text.length > 2 && /^[^,]{1,30}, [^,]{1,40}$/.test(text[0]!)) {
    start = 1
    while (start < text.length - 2 && /^\p{L}{1,2}$/u.test(text[start]!)) start++
  }
  const outlet = text.length - start >= 2 ? text[text.length - 1]! : null
  const titleParts = text.slice(start, outlet ? -1 : undefined)
  return { n, outlet, title: titleParts.join('. ') || raw, date, accessed, language, url: null, raw }
}
