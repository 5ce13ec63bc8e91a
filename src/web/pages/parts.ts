// Fragments several pages share: an event report with its evidence sentences, a quote, an actor link.
import type { EventView, QuoteView } from '../../server/read.js'
import { highlight } from '../highlight.js'
import { html, type Html } from '../html.js'
import { L, modalityLabel, typeLabel } from '../layout.js'

export const actorHref = (id: string | null, name: string): string => `/actors/${encodeURIComponent(id ?? name)}`
export const docHref = (id: string, anchor?: string): string => `/documents/${encodeURIComponent(id)}${anchor ? `#${anchor}` : ''}`

export function actorLinks(e: EventView): Html {
  return html`${e.actors.map((a, i) => html`${i ? '、' : ''}<a href="${actorHref(a.actorId, a.name)}" title="${a.role}">${a.name}</a>`)}`
}

/** The sentences that report an event, the reporting span marked inside each. */
export function evidence(e: EventView): Html {
  const bySentence = new Map<number, EventView['evidence']>()
  for (const ev of e.evidence) bySentence.set(ev.sentence, [...(bySentence.get(ev.sentence) ?? []), ev])
  return html`${[...bySentence.values()].map((evs) => {
    const s = evs[0]!
    return html`<blockquote class="evidence"><a class="plain" href="${docHref(e.document.id, `s${s.sentence}`)}">${highlight(s.sentenceText, evs.map((x) => ({ start: x.start, end: x.end, cls: 'ev' })), s.sentenceStart)}</a></blockquote>`
  })}`
}

export function eventReport(e: EventView, opts: { open?: boolean } = {}): Html {
  return html`<article class="report" id="ev-${e.id}">
<header>${modalityLabel(e.modality)} <strong>${typeLabel(e.type)}</strong> <span class="muted">CAMEO ${e.cameo.code} ${e.cameo.label}</span>
${opts.open === false ? '' : html` · <a href="/events/${e.id}">${L('详情', 'details')}</a>`}</header>
<p>${e.date ?? '?'}${e.location ? html` · ${e.location.name}` : ''} · ${actorLinks(e)}</p>
${evidence(e)}
<p class="source">${L('来源', 'Source')}: <a href="${docHref(e.document.id)}">${e.document.title}</a> <span class="muted">${e.document.published ?? ''}</span></p>
</article>`
}

export function quoteItem(q: QuoteView): Html {
  const who = q.speaker ? (q.speaker.anonymous ? (q.speaker.descriptor ?? 'anonymous source') : q.speaker.name) : '?'
  return html`<li class="quote"><q>${q.text}</q> <span class="who">— ${q.speaker?.actorId ? html`<a href="${actorHref(q.speaker.actorId, q.speaker.name)}">${who}</a>` : who}</span>
<span class="source"><a href="${docHref(q.document.id, `x${q.start}`)}">${q.document.title}</a> <span class="muted">${q.document.published ?? ''}</span></span></li>`
}
