// The timeline: dated events on two lanes (what happened; what was planned), drawn as SVG on a date axis that
// zooms by date range (links, or drag on the chart with JavaScript on), and below it the reports grouped by date
// and type, each opening its evidence sentences. An event's page lists the other reports of its date and type.
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import type { TimelineQuery } from '../../server/params.js'
import { html, qs, type Html } from '../html.js'
import { L, dataLinks, page, typeLabel, typeOptions, typeZh } from '../layout.js'
import { eventReport } from './parts.js'

const DAY = 86_400_000
const W = 1000
const X0 = 110
const X1 = W - 20
const LANE = 100
const STEP = 10

const dayOf = (d: string): number => {
  const [y, m, dd] = d.split('-').map(Number)
  return Math.floor(Date.UTC(y!, (m ?? 1) - 1, dd ?? 1) / DAY)
}
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10)
/** The last day a bound at month or year precision covers: until 2025-02 is 2025-02-28. */
const endOf = (d: string): number => {
  const [y, m, dd] = d.split('-').map(Number)
  if (dd) return dayOf(d)
  if (m) return Math.floor(Date.UTC(y!, m, 1) / DAY) - 1
  return Math.floor(Date.UTC(y! + 1, 0, 1) / DAY) - 1
}

function filterForm(q: TimelineQuery): Html {
  const type = q.type?.[0] ?? ''
  return html`<form class="filters" method="get" action="/timeline">
<label>${L('人物/机构', 'Actor')} <input name="actor" value="${q.actor ?? ''}" placeholder="普丁 / 川普 / Putin"></label>
<label>${L('类型', 'Type')} <select name="type"><option value="">${L('全部', 'all')}</option>${typeOptions.map((t) => html`<option value="${t}"${t === type ? html` selected` : ''}>${typeZh(t)} ${t}</option>`)}</select></label>
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" placeholder="2025-02" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" placeholder="2025-03-31" size="10"></label>
<button type="submit">${L('筛选', 'Filter')}</button> <a href="/timeline">${L('清除', 'Clear')}</a>
</form>`
}

function ticks(from: number, to: number): { day: number; label: string; since: string; until: string }[] {
  const span = to - from
  const out: { day: number; label: string; since: string; until: string }[] = []
  const start = new Date(from * DAY)
  if (span > 3 * 365) {
    for (let y = start.getUTCFullYear() + 1; dayOf(`${y}`) <= to; y++) out.push({ day: dayOf(`${y}`), label: `${y}`, since: `${y}`, until: `${y}` })
  } else if (span > 60) {
    const every = span > 730 ? 6 : span > 365 ? 3 : 1
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth() + 2; ; m++) {
      if (m > 12) (y++, (m = 1))
      const d = `${y}-${String(m).padStart(2, '0')}`
      if (dayOf(d) > to) break
      if ((m - 1) % every === 0) out.push({ day: dayOf(d), label: m === 1 ? `${y}-01` : d.slice(2), since: d, until: d })
    }
  } else {
    const every = span > 20 ? 7 : 1
    for (let d = from; d <= to; d += every) out.push({ day: d, label: isoOf(d).slice(5), since: isoOf(d), until: isoOf(d) })
  }
  return out
}

function chart(t: read.Timeline, q: TimelineQuery): Html {
  if (!t.events.length) return html`<p class="empty">${L('没有符合条件的事件', 'No dated events match these filters.')}</p>`
  const from = q.since ? dayOf(q.since) : dayOf(t.first!)
  const to = Math.max(from + 1, q.until ? endOf(q.until) : endOf(t.last!))
  const x = (day: number): number => X0 + ((day - from) / (to - from)) * (X1 - X0)
  const lanes: read.Lane[] = ['happened', 'planned']
  const stack = new Map<string, number>()
  const dots = t.events
    .filter((e) => e.lane !== 'other')
    .map((e) => {
      const key = `${e.lane}|${e.date}`
      const n = stack.get(key) ?? 0
      stack.set(key, n + 1)
      const y = lanes.indexOf(e.lane) * LANE + LANE - 16 - (n % 8) * STEP
      const precise = e.datePrecision === 'day'
      return html`<a href="/events/${e.id}"><circle class="dot ${e.lane} t-${e.type}${precise ? '' : ' imprecise'}" cx="${x(dayOf(e.date!)).toFixed(1)}" cy="${y}" r="5"><title>${e.date} ${typeZh(e.type)} ${e.type} · ${e.actors.map((a) => a.name).join(', ')} · ${e.document.title}</title></circle></a>`
    })
  const H = LANE * 2 + 30
  const tks = ticks(from, to)
  const zoomLink = (since: number, until: number) => `/timeline${qs({ ...plain(q), since: isoOf(since), until: isoOf(until) })}`
  const mid = Math.round((from + to) / 2)
  const half = Math.max(1, Math.round((to - from) / 4))
  return html`<p class="zoom">${L('缩放', 'Zoom')}: <a href="${zoomLink(mid - half, mid + half)}">＋ ${L('放大', 'in')}</a> · <a href="${zoomLink(from - 2 * half, to + 2 * half)}">－ ${L('缩小', 'out')}</a> · <a href="/timeline${qs({ ...plain(q), since: undefined, until: undefined })}">${L('全部', 'all dates')}</a>
<span class="muted">${isoOf(from)} – ${isoOf(to)}; ${L('在图上拖动以选择日期范围', 'drag across the chart to zoom to a range')}</span></p>
<div class="chart"><svg id="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="timeline" data-from="${from}" data-to="${to}" data-x0="${X0}" data-x1="${X1}">
${lanes.map((lane, i) => html`<rect class="lane ${lane}" x="${X0}" y="${i * LANE + 4}" width="${X1 - X0}" height="${LANE - 8}"></rect><text class="lane-label" x="6" y="${i * LANE + LANE / 2}">${lane === 'happened' ? '已发生 happened' : '计划 planned'}</text>`)}
${tks.map((k) => html`<a href="/timeline${qs({ ...plain(q), since: k.since, until: k.until })}"><line class="tick" x1="${x(k.day).toFixed(1)}" x2="${x(k.day).toFixed(1)}" y1="4" y2="${LANE * 2}"></line><text class="tick-label" x="${x(k.day).toFixed(1)}" y="${LANE * 2 + 18}">${k.label}</text></a>`)}
${dots}
<rect id="brush" class="brush" x="0" y="0" width="0" height="${LANE * 2}"></rect>
</svg></div>`
}

const plain = (q: TimelineQuery) => ({ actor: q.actor, type: q.type?.join(','), modality: q.modality?.join(','), since: q.since, until: q.until })

function groups(t: read.Timeline): Html {
  const byKey = new Map<string, read.Timeline['events']>()
  for (const e of t.events) byKey.set(`${e.date}|${e.type}`, [...(byKey.get(`${e.date}|${e.type}`) ?? []), e])
  return html`<section class="groups"><h2>${L('按日期和类型分组的报道', 'Reports by date and type')}</h2>
<p class="muted">${L('同一天同一类型的报道并列显示，尚未合并为一个事件。', 'Reports of one type on one date are shown side by side; they are not merged into one event yet.')}</p>
${[...byKey.entries()].map(([key, evs]) => {
  const [date, type] = key.split('|') as [string, string]
  const docs = new Set(evs.map((e) => e.document.id)).size
  const planned = evs.some((e) => e.lane === 'planned')
  return html`<details class="group" id="g-${date}-${type}"><summary><time>${date}</time> ${typeLabel(type)} · ${evs.length} ${L('篇报道', 'reports')} · ${docs} ${L('个来源', 'sources')}${planned ? html` · <span class="badge planned">${L('含计划', 'includes planned')}</span>` : ''}
<span class="names">${[...new Set(evs.flatMap((e) => e.actors.map((a) => a.name)))].slice(0, 6).join(', ')}</span></summary>
${evs.map((e) => eventReport(e))}</details>`
})}</section>`
}

export function timeline(store: Store, q: TimelineQuery): Html {
  const t = read.timeline(store, q)
  return page('时间线 Timeline', '/timeline', html`<h1>${L('时间线', 'Timeline')}</h1>
${filterForm(q)}
<p class="muted">${t.events.length} ${L('个有日期的事件', 'dated events')}${t.undated ? html`; ${t.undated} ${L('个无日期', 'undated not drawn')}` : ''}. ${L('计划中的事件画在单独一行。', 'Planned events are drawn on their own lane.')}</p>
${chart(t, q)}
${dataLinks('/api/timeline', plain(q))}
${groups(t)}`)
}

export function event(store: Store, id: string): Html {
  const e = read.event(store, id)
  if (!e) return page('404', '/timeline', html`<h1>404</h1><p class="error">${L('没有这个事件', 'No such event')}: ${id}</p>`)
  const others = read.sameDayReports(store, e)
  return page(`${typeZh(e.type)} ${e.date ?? ''}`, '/timeline', html`<h1>${typeLabel(e.type)} <time>${e.date ?? ''}</time></h1>
${eventReport(e, { open: false })}
${dataLinks(`/api/events/${e.id}`, {}, false)}
<h2>${L('同日同类的其他报道', 'Other reports of this type on this date')}</h2>
<p class="muted">${L('并列比较各来源；尚未合并为一个事件。', 'Listed side by side to compare the sources; not merged into one event yet.')}</p>
${others.length ? others.map((o) => eventReport(o)) : html`<p class="empty">${L('没有', 'None')}</p>`}`)
}
