// One line per merged event, in English and Chinese, built from the coded fields only:
// 2025-02-12 call Donald Trump – Vladimir Putin (about 90 min) · 2 sources
import type { EventType } from '../core/extraction.js'
import type { Duration, MergedEvent, RecordActor } from '../core/record.js'
import { formatMinutes } from './divergence.js'

const ZH_TYPE: Record<EventType, string> = {
  call: '通话', meeting: '会谈', visit: '访问', proposal: '提议', agreement: '达成协议', statement: '表态', reject: '拒绝',
  demand: '要求', threat: '威胁', aid: '援助', sanction: '制裁', exchange_prisoners: '交换被关押人员', ceasefire: '停火',
  military_action: '军事行动', other: '其他',
}

const ZH_QUALIFIER: Record<string, string> = { about: '约', nearly: '近', over: '逾', under: '不到', 'at-least': '至少', 'at-most': '至多' }

function zhMinutes(d: Duration): string {
  const q = d.qualifier ? ZH_QUALIFIER[d.qualifier] ?? '' : ''
  return d.minutes >= 120 && d.minutes % 30 === 0 ? `${q}${d.minutes / 60}小时` : `${q}${d.minutes}分钟`
}

type Fields = Pick<MergedEvent, 'date' | 'type' | 'source' | 'target' | 'participants' | 'sources' | 'duration' | 'modality' | 'place' | 'divergences'>

export function summarize(e: Fields, zhName: (a: RecordActor) => string): { en: string; zh: string } {
  const who = [e.source, e.target].filter((a): a is RecordActor => a !== null)
  const people = who.length ? who : e.participants.slice(0, 2)
  const date = e.date ?? 'undated'
  const planned = e.modality === 'planned' ? 'planned ' : ''
  const split = e.divergences.some((d) => d.field === 'duration')
  const en = [
    `${date} ${planned}${e.type.replace('_', ' ')} ${people.map((a) => a.name).join(' – ')}`,
    e.place ? ` in ${e.place}` : '',
    e.duration ? ` (${split ? 'accounts differ: ' + e.divergences.find((d) => d.field === 'duration')!.accounts.map((a) => a.value).join(' / ') : formatMinutes(e.duration)})` : '',
    ` · ${e.sources} source${e.sources === 1 ? '' : 's'}`,
  ].join('')
  const zh = [
    `${date} ${people.map(zhName).join('与')}${e.modality === 'planned' ? '计划' : ''}${ZH_TYPE[e.type]}`,
    e.place ? `（${e.place}）` : '',
    e.duration ? `，${split ? '各方说法不一' : '历时' + zhMinutes(e.duration)}` : '',
    ` · ${e.sources}个来源`,
  ].join('')
  return { en, zh }
}
