// A merged event as the timeline and its own page show it: the coded fields, the divergent accounts (each value
// with the sources that give it), and each source's report with its sentence, the evidence span marked.
import type { RecordActor } from '../../core/record.js'
import type { MergedEventView, ReportView } from '../../server/record.js'
import { highlight } from '../highlight.js'
import { html, type Html } from '../html.js'
import { L, modalityLabel, typeLabel } from '../layout.js'
import { actorHref, docHref } from './parts.js'

const FIELD: Record<string, [string, string]> = { duration: ['时长', 'duration'], place: ['地点', 'place'], participants: ['参与者', 'participants'], date: ['日期', 'date'] }

const actor = (a: RecordActor): Html => (a.actorId ? html`<a href="${actorHref(a.actorId, a.name)}">${a.name}</a>` : html`${a.name}`)

export function sourcesBadge(n: number): Html {
  return html`<span class="badge sources" title="independent accounts; reprints count once">${n} ${L('个独立来源', n === 1 ? 'source' : 'sources')}</span>`
}

export function divergences(e: MergedEventView): Html {
  if (!e.divergences.length) return html``
  const title = new Map(e.reports.map((r) => [r.docId, r.docTitle]))
  return html`<div class="divergences">${e.divergences.map((d) => {
    const [zh, en] = FIELD[d.field] ?? [d.field, d.field]
    return html`<div class="divergence"><strong>⚠ ${L('说法不一', 'Divergent accounts')}: ${L(zh, en)}</strong>
<ul>${d.accounts.map((a) => html`<li><b class="value">${a.value}</b> — ${a.docIds.map((id, i) => html`${i ? '；' : ''}<a href="${docHref(id)}">${title.get(id) ?? id}</a>`)}</li>`)}</ul></div>`
  })}</div>`
}

export function mergedFacts(e: MergedEventView): Html {
  const others = e.participants.filter((p) => p.actorId !== e.source?.actorId && p.actorId !== e.target?.actorId)
  return html`<p class="facts-line">${modalityLabel(e.modality)} ${sourcesBadge(e.sources)} <span class="muted">CAMEO ${e.cameo} ${e.cameoLabel}${e.plover ? ` · PLOVER ${e.plover}` : ''}${e.goldstein !== null ? ` · Goldstein ${e.goldstein}` : ''}</span></p>
<p>${e.source ? actor(e.source) : ''}${e.target ? html` → ${actor(e.target)}` : ''}${others.length ? html` · ${L('参与', 'with')} ${others.map((a, i) => html`${i ? '、' : ''}${actor(a)}`)}` : ''}${e.place ? html` · ${e.place}` : ''}${e.duration ? html` · ${e.duration.surface}` : ''}</p>
${divergences(e)}`
}

export function reportView(e: MergedEventView, r: ReportView): Html {
  const details = [r.date ? html`${r.date}${r.dateInferred ? html` <span class="badge inferred" title="resolved from the document's suggested date">${L('推断', 'inferred')}</span>` : ''}` : '', r.place ?? '', r.duration?.surface ?? ''].filter(Boolean)
  return html`<article class="report" data-doc="${r.docId}">
<header>${modalityLabel(r.modality)} <a href="${docHref(r.docId)}"><strong>${r.docTitle}</strong></a> <span class="muted">${r.outlet ?? ''} ${r.published ?? L('发布日期不详', 'publication date unknown')}</span>${r.reprintOf ? html` <span class="badge">${L('转载', 'reprint')}</span>` : ''}</header>
${details.length ? html`<p class="muted">${details.map((d, i) => html`${i ? ' · ' : ''}${d}`)}</p>` : ''}
<blockquote class="evidence"><a class="plain" href="${docHref(r.docId, `x${r.start}`)}">${highlight(r.sentenceText, [{ start: r.start, end: r.end, cls: 'ev' }], r.sentenceStart)}</a></blockquote>
</article>`
}

/** The summary line without the date and source count the list shows beside it already. */
const core = (s: string, date: string | null): string => s.replace(`${date ?? 'undated'} `, '').replace(/ · \d+ ?(个来源|sources?)$/, '')

/** One merged event in the timeline's list: a summary line that opens its reports. */
export function mergedItem(e: MergedEventView): Html {
  return html`<details class="merged ${e.lane}" id="m-${e.id}" data-date="${e.date ?? ''}" data-type="${e.type}">
<summary><time>${e.date ?? '?'}</time> ${typeLabel(e.type)} ${sourcesBadge(e.sources)}${e.divergences.length ? html` <span class="badge divergent">${L('说法不一', 'divergent')}</span>` : ''}
<span class="sum" lang="zh">${core(e.summary.zh, e.date)}</span> <span class="sum en" lang="en">${core(e.summary.en, e.date)}</span></summary>
${mergedFacts(e)}
<div class="reports">${e.reports.map((r) => reportView(e, r))}</div>
<p><a href="/merged/${e.id}">${L('详情', 'details')}</a> · <a href="/api/merged-events/${e.id}">JSON</a></p>
</details>`
}
