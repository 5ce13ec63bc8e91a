// Documents: the list, and one article with everything read from it marked in its text (names, quotes, numbers,
// dates, event evidence). A marked piece links to its fact in the list beside the text; each fact links back to
// its place in the text. The article is shown as text: its HTML was never kept and nothing in it is markup here.
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import type { DocumentsQuery } from '../../server/params.js'
import { highlight, type Mark } from '../highlight.js'
import { html, safeUrl, type Html } from '../html.js'
import { L, dataLinks, modalityLabel, page, pager, typeLabel } from '../layout.js'
import { actorHref } from './parts.js'

export function documents(store: Store, q: DocumentsQuery): Html {
  const p = read.documents(store, q, q.limit, q.offset)
  const params = { since: q.since, until: q.until }
  return page('文档 Documents', '/documents', html`<h1>${L('文档', 'Documents')}</h1>
<form class="filters" method="get" action="/documents">
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" placeholder="2025-02" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" placeholder="2025-03" size="10"></label>
<button type="submit">${L('筛选', 'Filter')}</button></form>
${dataLinks('/api/documents', { ...params, limit: q.limit, offset: q.offset })}
<div class="table"><table><thead><tr><th>${L('发布时间', 'Published')}</th><th>${L('标题', 'Title')}</th><th>${L('格式', 'Format')}</th><th>${L('字体', 'Script')}</th><th class="n">${L('字数', 'Chars')}</th></tr></thead>
<tbody>${p.items.map((d) => html`<tr><td>${d.published.at ?? '?'}</td><td><a href="/documents/${d.id}">${d.title}</a></td><td>${d.format}</td><td>${d.script}</td><td class="n">${d.chars}</td></tr>`)}</tbody></table></div>
${pager('/documents', params, p.total, q.limit, q.offset)}`)
}

export function document(store: Store, id: string): Html {
  const d = read.documentDetail(store, id)
  if (!d) return page('404', '/documents', html`<h1>404</h1><p class="error">${L('没有这个文档', 'No document with id')} ${id}</p>`)
  const doc = d.document
  const marks: Mark[] = [
    ...d.events.flatMap((e) => e.evidence.map((ev) => ({ start: ev.start, end: ev.end, cls: 'ev', href: `#f-e-${e.id}`, title: `${e.type} ${e.date ?? ''}` }))),
    ...d.quotes.map((q) => ({ start: q.start, end: q.end, cls: 'qt', href: `#f-q-${q.start}`, title: `quote: ${q.speaker?.name ?? '?'}` })),
    ...d.times.map((t) => ({ start: t.start, end: t.end, cls: 'tm', href: `#f-t-${t.start}`, title: `${t.value ?? t.range?.start ?? '?'}` })),
    ...d.numbers.map((n) => ({ start: n.start, end: n.end, cls: 'nm', href: `#f-n-${n.start}`, title: `${n.value} ${n.unit}` })),
    ...d.mentions.map((m) => ({ start: m.start, end: m.end, cls: `mn${m.unresolved ? ' unresolved' : ''}`, href: `#f-m-${m.start}`, title: `${m.name} (${m.how})` })),
  ]
  // Anchors for every sentence start and every fact start, so links from elsewhere land on the spot.
  const anchors = [...doc.sentences.map((s, i) => ({ at: s.start, id: `s${i}` })), ...[...new Set(marks.map((m) => m.start))].map((at) => ({ at, id: `x${at}` }))]
  const body = withAnchors(doc.text, marks, anchors)
  const back = (start: number) => html`<a class="back" href="#x${start}" title="in the text">↑</a>`
  return page(doc.title, '/documents', html`<h1>${doc.title}</h1>
<p class="muted">${doc.published.at ?? L('日期不详', 'date unknown')} (${doc.published.precision}, ${doc.published.source}) · ${doc.format} · ${doc.script}${doc.outlet ? ` · ${doc.outlet}` : ''} ${doc.url ? html`· <a href="${safeUrl(doc.url)}" rel="noopener noreferrer nofollow">${L('原文', 'original')}</a>` : ''}</p>
${dataLinks(`/api/documents/${doc.id}`, {}, false)}
<p class="legend"><mark class="mn">${L('人物/机构', 'actor')}</mark> <mark class="ev">${L('事件', 'event')}</mark> <mark class="qt">${L('引语', 'quote')}</mark> <mark class="nm">${L('数字', 'number')}</mark> <mark class="tm">${L('时间', 'time')}</mark></p>
<div class="docview">
<article class="text" lang="zh">${body}</article>
<aside class="facts">
<h2>${L('事件', 'Events')} (${d.events.length})</h2>
<ul>${d.events.map((e) => html`<li id="f-e-${e.id}">${back(e.evidence[0]?.start ?? 0)} <a href="/events/${e.id}">${e.date ?? '?'} ${typeLabel(e.type)}</a> ${modalityLabel(e.modality)} <span class="muted">${e.actors.map((a) => a.name).join(', ')}</span></li>`)}</ul>
<h2>${L('引语', 'Quotes')} (${d.quotes.length})</h2>
<ul>${d.quotes.map((q) => html`<li id="f-q-${q.start}">${back(q.start)} ${q.speaker ? (q.speaker.actorId ? html`<a href="${actorHref(q.speaker.actorId, q.speaker.name)}">${q.speaker.name}</a>` : q.speaker.descriptor ?? q.speaker.name) : '?'}: <q>${q.text.length > 60 ? q.text.slice(0, 60) + '…' : q.text}</q></li>`)}</ul>
<h2>${L('人物与机构', 'Actors')} (${d.mentions.length})</h2>
<ul>${d.mentions.map((m) => html`<li id="f-m-${m.start}">${back(m.start)} ${m.surface} → ${m.actorId ? html`<a href="${actorHref(m.actorId, m.name)}">${m.name}</a>` : m.name} <span class="muted">${m.how}</span></li>`)}</ul>
<h2>${L('数字', 'Numbers')} (${d.numbers.length})</h2>
<ul>${d.numbers.map((n) => html`<li id="f-n-${n.start}">${back(n.start)} ${n.surface} = ${n.value} ${n.unit}${n.normalized ? ` (${n.normalized.value} ${n.normalized.unit})` : ''}${n.about ? html` <span class="muted">${n.about}</span>` : ''}</li>`)}</ul>
<h2>${L('时间', 'Times')} (${d.times.length})</h2>
<ul>${d.times.map((t) => html`<li id="f-t-${t.start}">${back(t.start)} ${t.surface} → ${t.value ?? (t.range ? `${t.range.start}…${t.range.end}` : '?')}</li>`)}</ul>
<h2>${L('来源', 'Seen at')}</h2>
<ul>${d.sightings.map((s) => html`<li>${s.origin}${s.part ? ` #${s.part}` : ''} <span class="muted">${s.firstSeenAt}</span></li>`)}</ul>
</aside></div>`)
}

/** The highlighted text with empty anchor elements inserted at the given offsets. */
function withAnchors(text: string, marks: Mark[], anchors: { at: number; id: string }[]): Html {
  const byAt = new Map<number, string[]>()
  for (const a of anchors) byAt.set(a.at, [...(byAt.get(a.at) ?? []), a.id])
  const cuts = [...byAt.keys()].filter((k) => k > 0 && k < text.length).sort((a, b) => a - b)
  const out: Html[] = []
  let prev = 0
  for (const at of [...cuts, text.length]) {
    out.push(html`${(byAt.get(prev) ?? []).map((id) => html`<span class="anchor" id="${id}"></span>`)}`)
    const inside = marks.filter((m) => m.end > prev && m.start < at)
    out.push(highlight(text.slice(prev, at), inside, prev))
    prev = at
  }
  return html`${out}`
}
