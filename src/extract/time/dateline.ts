// An agency dateline (新华社华盛顿2月28日电, （法新社曼谷12日电）, 中央社記者台北15日電) gives the day the story was
// filed. A paper may print it a day later, so the story's 今天/当天, and the day of a report in the present, is
// the dateline's day, not the paper's. Read from the opening of the text only: a dateline heads its story.
import type { Published } from '../../core/index.js'
import { parseNumber } from './numerals.js'

const OPENING = 160
const DATELINE = /(?:社|网|網|报|報|台|新闻|新聞|中心)[^，。！？\n]{0,14}?(?:([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月)?([0-9]{1,2}|三十一?|二十[一-九]?|十[一-九]?|[一二三四五六七八九])日(?:专|專)?(?:电|電)/

/** The filing day of a dated story, when its dateline names one within three days before `published`. */
export function storyDay(view: string, published: Published): Published | null {
  if (!published.at || !/^\d{4}-\d{2}-\d{2}/.test(published.at)) return null
  const m = DATELINE.exec(view.slice(0, OPENING))
  if (!m) return null
  const day = parseNumber(m[2]!)
  const pub = new Date(`${published.at.slice(0, 10)}T00:00:00Z`)
  const month = m[1] ? parseNumber(m[1]) : pub.getUTCMonth() + 1
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12)) return null
  // The dateline names no year and, often, no month: the latest such day not after publication.
  for (const back of [0, 1]) {
    const d = new Date(Date.UTC(pub.getUTCFullYear(), month - 1 - (m[1] ? 0 : back), day))
    if (m[1] && back) d.setUTCFullYear(d.getUTCFullYear() - 1)
    const lag = (pub.getTime() - d.getTime()) / 86_400_000
    if (d.getUTCDate() === day && lag >= 0 && lag <= 3) return { at: d.toISOString().slice(0, 10), precision: 'day', source: 'text-pattern', raw: m[0] }
  }
  return null
}
