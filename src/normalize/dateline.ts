// Datelines of plain-text articles: a line near the headline that is mostly a date ("2025年3月12日 08:30",
// "发布时间：2019-9-5 9:38:01"). Date patterns are shared with the HTML reader (html/date-parse.ts); what is
// particular here is which lines count: short ones, where the date is most of the line, not a sentence
// that mentions a date.
import type { Published } from '../core/index.js'
import { findDatesInText } from './html/date-parse.js'

const MAX_DATELINE = 60

export function readDateline(lines: readonly string[]): Published[] {
  const out: Published[] = []
  for (const line of lines) {
    const l = line.trim()
    if (!l || l.length > MAX_DATELINE || /[。！？]$/.test(l)) continue
    for (const d of findDatesInText(l)) {
      // The date must be the bulk of what the line says, or sit behind a 发布/来源/时间 label.
      const rest = l.replace(d.raw, '').replace(/[\s:：|｜\-—/()（）]/g, '')
      if (rest.length > 16 && !/(?:发布|發布|发表|發表|时间|時間|日期|来源|來源|更新)/.test(l)) continue
      out.push({ at: d.at, precision: d.precision, source: 'text-pattern', raw: d.raw })
    }
  }
  return out
}
