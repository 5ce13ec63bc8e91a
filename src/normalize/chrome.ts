// Removes site chrome from plain-text copies of web pages, by the rules in lexicon/chrome.tsv.
import { readTsv } from '../lexicon/load.js'
import { foldWidth } from './matching.js'

export interface ChromeRule {
  kind: 'line' | 'tail'
  match: 'exact' | 'prefix'
  text: string
}

let rules: ChromeRule[] | null = null
export function chromeRules(): ChromeRule[] {
  rules ??= readTsv('chrome.tsv').rows.map((r) => {
    if ((r.kind !== 'line' && r.kind !== 'tail') || (r.match !== 'exact' && r.match !== 'prefix')) {
      throw new Error(`lexicon: chrome.tsv: bad kind/match in ${JSON.stringify(r)}`)
    }
    return { kind: r.kind, match: r.match, text: foldWidth(r.text!) }
  })
  return rules
}

function matches(rule: ChromeRule, line: string): boolean {
  return rule.match === 'exact' ? line === rule.text : line.startsWith(rule.text)
}

// A line of nothing but punctuation or symbols (a lost emoji shown as "?", a separator) carries no text.
const SYMBOLS_ONLY = /^[\p{P}\p{S}\s]+$/u

/**
 * Drops chrome lines. A `tail` rule ends the article (comment forms, share footers), but only once most of
 * the text is behind us: the same words in a top navigation bar must not cut the article off.
 */
export function stripChrome(lines: string[]): string[] {
  const all = chromeRules()
  const total = lines.reduce((n, l) => n + l.length, 0)
  const out: string[] = []
  let seen = 0
  for (const raw of lines) {
    // Copies differ in punctuation width (维基百科，… / 维基百科,…): compare width-folded.
    const line = foldWidth(raw).trim()
    seen += raw.length
    if (!line) {
      out.push('')
      continue
    }
    const rule = all.find((r) => matches(r, line))
    if (rule?.kind === 'tail' && seen >= total * 0.3) break
    if (rule || SYMBOLS_ONLY.test(line)) continue
    out.push(raw)
  }
  return out
}
