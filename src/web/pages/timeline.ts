// The timeline of the record: merged events (one per real-world event, however many articles report it) on two
// lanes, what happened and what was planned, drawn as SVG on a date axis that zooms by date range (links, or drag
// on the chart with JavaScript on); a dot's size is its number of independent sources. Below the chart each event
// opens its reports: every source's own account with the sentence that reports it, the evidence marked, and any
// divergent accounts (place, duration, participants) with the sources that give each.
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import * as rec from '../../server/record.js'
import type { TimelinePageQuery } from '../../server/params.js'
import { html, qs, type Html } from '../html.js'
import { L, dataLinks, modalityLabel, page, pager, typeLabel, typeOptions, typeZh } from '../layout.js'
import { eventReport } from './parts.js'
import { mergedItem, mergedFacts, reportView } from './merged.js'

const DAY = 86_400_000
const W = 1000
const X0 = 110
const X1 = W - 20
const LANE = 100
const STEP = 12

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

type Q = TimelinePageQuery

function filterForm(q: Q): Html {
  const type = q.type?.[0] ?? ''
  return html`<form class="filters" method="get" action="/timeline">
<label>${L('人物/机构（任何写法）', 'Actor (any spelling)')} <input name="actor" value="${q.actor ?? ''}" placeholder="普丁 / 蒲亭 / 川普 / Putin"></label>
<label>${L('类型', 'Type')} <select name="type"><option value="">${L('全部', 'all')}</option>${typeOptions.map((t) => html`<option value="${t}"${t === type ? html` selected` : ''}>${typeZh(t)} ${t}</option>`)}</select></label>
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" placeholder="2025-02" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" placeholder="2025-03-31" size="10"></label>
<label class="check"><span><input type="checkbox" name="statements" value="1"${q.statements ? html` checked` : ''}> ${L('含表态', 'with statements')}</span></label>
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

function chart(t: rec.RecordTimeline, q: Q): Html {
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
      const y = lanes.indexOf(e.lane) * LANE + LANE - 18 - (n % 7) * STEP
      const cls = `dot ${e.lane} t-${e.type}${e.datePrecision === 'day' ? '' : ' imprecise'}${e.divergences.length ? ' divergent' : ''}`
      const r = 4 + Math.min(4, e.sources - 1) * 1.5
      return html`<a href="/merged/${e.id}"><circle class="${cls}" data-sources="${e.sources}" cx="${x(dayOf(e.date!)).toFixed(1)}" cy="${y}" r="${r}"><title>${e.summary.zh}\n${e.summary.en}</title></circle></a>`
    })
  const H = LANE * 2 + 30
  const tks = ticks(from, to)
  const zoomLink = (since: number, until: number) => `/timeline${qs({ ...plain(q), since: isoOf(since), until: isoOf(until) })}`
  const mid = Math.round((from + to) / 2)
  const half = Math.max(1, Math.round((to - from) / 4))
  return html`<p class="zoom">${L('缩放', 'Zoom')}: <a href="${zoomLink(mid - half, mid + half)}">＋ ${L('放大', 'in')}</a> · <a href="${zoomLink(from - 2 * half, to + 2 * half)}">－ ${L('缩小', 'out')}</a> · <a href="/timeline${qs({ ...plain(q), since: undefined, until: undefined })}">${L('全部', 'all dates')}</a>
<span class="muted">${isoOf(from)} – ${isoOf(to)}; ${L('在图上拖动以选择日期范围；圆点越大，独立来源越多', 'drag across the chart to zoom to a range; a larger dot has more independent sources')}</span></p>
<div class="chart"><svg id="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="timeline" data-from="${from}" data-to="${to}" data-x0="${X0}" data-x1="${X1}">
${lanes.map((lane, i) => html`<rect class="lane ${lane}" x="${X0}" y="${i * LANE + 4}" width="${X1 - X0}" height="${LANE - 8}"></rect><text class="lane-label" x="6" y="${i * LANE + LANE / 2}">${lane === 'happened' ? '已发生 happened' : '计划 planned'}</text>`)}
${tks.map((k) => html`<a href="/timeline${qs({ ...plain(q), since: k.since, until: k.until })}"><line class="tick" x1="${x(k.day).toFixed(1)}" x2="${x(k.day).toFixed(1)}" y1="4" y2="${LANE * 2}"></line><text class="tick-label" x="${x(k.day).toFixed(1)}" y="${LANE * 2 + 18}">${k.label}</text></a>`)}
${dots}
<rect id="brush" class="brush" x="0" y="0" width="0" height="${LANE * 2}"></rect>
</svg></div>`
}

const plain = (q: Q) => ({ actor: q.actor, type: q.type?.join(','), modality: q.modality?.join(','), since: q.since, until: q.until, statements: q.statements ? 1 : undefined })

function list(store: Store, t: rec.RecordTimeline, q: Q): Html {
  const all = [...t.events, ...t.undated]
  const docs = new read.Docs(store)
  const shown = all.slice(q.offset, q.offset + q.limit).map((e) => rec.withSentences(docs, e))
  const section = (title: Html, cls: string, es: rec.MergedEventView[]) => (es.length ? html`<section class="lane-list ${cls}"><h2>${title} (${es.length})</h2>${es.map((e) => mergedItem(e))}</section>` : '')
  return html`${section(L('已发生', 'Happened'), 'happened', shown.filter((e) => e.lane === 'happened' && e.date))}
${section(L('计划中', 'Planned'), 'planned', shown.filter((e) => e.lane === 'planned' && e.date))}
${section(L('日期不详', 'Undated'), 'undated', shown.filter((e) => !e.date || e.lane === 'other'))}
${pager('/timeline', plain(q), all.length, q.limit, q.offset)}`
}

export function timeline(store: Store, q: Q): Html {
  const t = rec.recordTimeline(store, q)
  const sources = t.events.filter((e) => e.sources > 1).length
  return page('时间线 Timeline', '/timeline', html`<h1>${L('时间线', 'Timeline')}</h1>
${filterForm(q)}
<p class="muted" id="timeline-count">${t.events.length} ${L('个合并事件', 'merged events')} (${sources} ${L('个有多个独立来源', 'with several independent sources')})${t.undated.length ? html`; ${t.undated.length} ${L('个无日期，列在下方', 'undated, listed below')}` : ''}. ${L('计划中的事件画在单独一行。', 'Planned events are drawn on their own lane.')}${q.statements || q.type?.length ? '' : html` ${L('表态默认不显示。', 'Plain statements are left out unless asked for.')}`}</p>
${chart(t, q)}
${dataLinks('/api/timeline', plain(q))}
${list(store, t, q)}`)
}

export function merged(store: Store, id: string): Html {
  const e = rec.mergedEvent(store, id)
  if (!e) return page('404', '/timeline', html`<h1>404</h1><p class="error">${L('没有这个合并事件', 'No such merged event')}: ${id}</p>`)
  return page(`${e.summary.zh}`, '/timeline', html`<h1>${typeLabel(e.type)} <time>${e.date ?? ''}</time></h1>
<p class="summary"><span lang="zh">${e.summary.zh}</span><br><span class="en" lang="en">${e.summary.en}</span></p>
${mergedFacts(e)}
${dataLinks(`/api/merged-events/${e.id}`, {}, false)}
<h2>${L('各来源的报道', 'Each source’s report')} (${e.reports.length})</h2>
<div class="reports">${e.reports.map((r) => reportView(e, r))}</div>`)
}

export function event(store: Store, id: string): Html {
  const e = read.event(store, id)
  if (!e) return page('404', '/timeline', html`<h1>404</h1><p class="error">${L('没有这个事件', 'No such event')}: ${id}</p>`)
  const m = rec.mergedEventOf(store, e.id)
  const others = read.sameDayReports(store, e)
  return page(`${typeZh(e.type)} ${e.date ?? ''}`, '/timeline', html`<h1>${typeLabel(e.type)} <time>${e.date ?? ''}</time></h1>
${eventReport(e, { open: false })}
${m ? html`<p class="merged-of">${L('合并后的事件', 'Merged event')}: <a href="/merged/${m.id}">${m.summary.zh}</a> <span class="muted">${m.summary.en}</span> ${modalityLabel(m.modality)}</p>` : html`<p class="muted">${L('这篇报道没有并入任何合并事件（例如没有日期的表态）。', 'This report went into no merged event.')}</p>`}
${dataLinks(`/api/events/${e.id}`, {}, false)}
<h2>${L('同日同类的其他报道', 'Other reports of this type on this date')}</h2>
<p class="muted">${L('各篇文章自己的编码，不论是否已合并。', 'Each article’s own coding, merged or not.')}</p>
${others.length ? others.map((o) => eventReport(o)) : html`<p class="empty">${L('没有', 'None')}</p>`}`)
}
