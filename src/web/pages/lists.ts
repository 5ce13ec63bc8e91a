// Plain lists paged in the database: every event as each document codes it (before merging), and the quotes.
import type { EventsQuery, QuotesQuery } from '../../server/params.js'
import * as read from '../../server/read.js'
import type { Store } from '../../store/store.js'
import { html, type Html } from '../html.js'
import { L, dataLinks, modalityLabel, page, pager, typeLabel, typeOptions, typeZh } from '../layout.js'
import { actorLinks, docHref, evidence, quoteItem } from './parts.js'

export function events(store: Store, q: EventsQuery): Html {
  const p = read.eventsPage(store, q, q.limit, q.offset)
  const params = { actor: q.actor, type: q.type?.join(','), modality: q.modality?.join(','), since: q.since, until: q.until }
  const type = q.type?.[0] ?? ''
  return page('报道中的事件 Reported events', '/timeline', html`<h1>${L('各篇报道中的事件', 'Events as each document codes them')}</h1>
<p class="muted">${L('合并前的编码：同一事件在每篇报道中各占一行。合并后的事件见', 'Before merging: one row per report of an event. The merged events are on the')} <a href="/timeline">${L('时间线', 'timeline')}</a>.</p>
<form class="filters" method="get" action="/events">
<label>${L('人物/机构', 'Actor')} <input name="actor" value="${q.actor ?? ''}" placeholder="普丁 / 川普"></label>
<label>${L('类型', 'Type')} <select name="type"><option value="">${L('全部', 'all')}</option>${typeOptions.map((t) => html`<option value="${t}"${t === type ? html` selected` : ''}>${typeZh(t)} ${t}</option>`)}</select></label>
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" size="10"></label>
<button type="submit">${L('筛选', 'Filter')}</button></form>
${dataLinks('/api/events', { ...params, limit: q.limit, offset: q.offset })}
<div class="table"><table class="events"><thead><tr><th>${L('日期', 'Date')}</th><th>${L('类型', 'Type')}</th><th>${L('情态', 'Modality')}</th><th>${L('人物/机构', 'Actors')}</th><th>${L('证据', 'Evidence')}</th></tr></thead>
<tbody>${p.items.map((e) => html`<tr><td><a href="/events/${e.id}">${e.date ?? '?'}</a></td><td>${typeLabel(e.type)}</td><td>${modalityLabel(e.modality)}</td><td>${actorLinks(e)}</td><td>${evidence(e)}<a class="muted" href="${docHref(e.document.id)}">${e.document.title}</a></td></tr>`)}</tbody></table></div>
${pager('/events', params, p.total, q.limit, q.offset)}`)
}

export function quotes(store: Store, q: QuotesQuery): Html {
  const p = read.quotesPage(store, q, q.limit, q.offset)
  const params = { speaker: q.speaker, since: q.since, until: q.until }
  return page('引语 Quotes', '/quotes', html`<h1>${L('引语', 'Quotes')}</h1>
<form class="filters" method="get" action="/quotes">
<label>${L('说话人（任何写法）', 'Speaker (any spelling)')} <input name="speaker" value="${q.speaker ?? ''}" placeholder="佩斯科夫 / 盧比歐"></label>
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" size="10"></label>
<button type="submit">${L('筛选', 'Filter')}</button></form>
${dataLinks('/api/quotes', { ...params, limit: q.limit, offset: q.offset })}
<p class="muted" id="quote-count">${p.total} ${L('条引语', 'quotes')}</p>
<ul class="quotes">${p.items.map(quoteItem)}</ul>
${pager('/quotes', params, p.total, q.limit, q.offset)}`)
}
