// Claims: the figures several sources give for one quantity (Russia's share of Ukraine's territory: about 18% in
// January 2024, about a fifth in March 2025), oldest first. Each claim is drawn as its figures over time (a small
// SVG laid out here, no script) above the table of accounts: value in the canonical unit, as written, qualifier,
// date (inferred dates marked), source and sentence.
import type { Claim } from '../../core/record.js'
import type { ClaimsQuery } from '../../server/params.js'
import * as rec from '../../server/record.js'
import type { Store } from '../../store/store.js'
import { highlight } from '../highlight.js'
import { html, type Html } from '../html.js'
import { L, dataLinks, page } from '../layout.js'
import { docHref } from './parts.js'

const QUALIFIER: Record<string, string> = { about: '约', nearly: '近', over: '超过', under: '不到', 'at-least': '至少', 'at-most': '至多' }
const W = 760
const H = 160
const PAD = { l: 60, r: 80, t: 24, b: 28 }

const DAY = 86_400_000
const dayOf = (d: string): number => Date.parse(`${d.slice(0, 10)}${d.length === 4 ? '-01-01' : d.length === 7 ? '-01' : ''}T00:00:00Z`) / DAY

function fmt(v: number): string {
  const a = Math.abs(v)
  if (a >= 1e8) return `${+(v / 1e8).toFixed(2)}亿`
  if (a >= 1e4) return `${+(v / 1e4).toFixed(1)}万`
  return `${+v.toFixed(2)}`
}

const unit = (u: string): string => (u === 'percent' ? '%' : ` ${u}`)

/** The accounts as dots: x the date, y the value (from zero). Undated accounts are left out of the drawing only. */
function plot(c: Claim, n: number): Html {
  const pts = c.accounts.filter((a) => a.date)
  if (!pts.length) return html``
  const days = pts.map((a) => dayOf(a.date!))
  const [d0, d1] = [Math.min(...days), Math.max(...days)]
  const span = Math.max(1, d1 - d0)
  const vmax = Math.max(...pts.map((a) => a.value)) * 1.15 || 1
  const x = (d: number) => (d1 === d0 ? (PAD.l + W - PAD.r) / 2 : PAD.l + ((d - d0) / span) * (W - PAD.l - PAD.r))
  const y = (v: number) => H - PAD.b - (v / vmax) * (H - PAD.t - PAD.b)
  return html`<svg class="claim-plot" viewBox="0 0 ${W} ${H}" role="img" aria-label="${c.quantity} over time" id="claim-plot-${n}">
<line class="axis" x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}"></line><line class="axis" x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}"></line>
<text class="tick-label" x="${PAD.l - 6}" y="${y(0) + 4}" text-anchor="end">0</text><text class="tick-label" x="${PAD.l - 6}" y="${(y(vmax / 1.15) + 4).toFixed(1)}" text-anchor="end">${fmt(vmax / 1.15)}${unit(c.unit)}</text>
${pts.map((a, i) => html`<a href="${docHref(a.docId)}"><circle class="claim-dot${a.dateInferred ? ' inferred' : ''}" cx="${x(days[i]!).toFixed(1)}" cy="${y(a.value).toFixed(1)}" r="5"><title>${a.date} ${a.surface} (${fmt(a.value)} ${c.unit})</title></circle></a>
<text class="claim-label" x="${x(days[i]!).toFixed(1)}" y="${(y(a.value) - 9).toFixed(1)}" text-anchor="middle">${a.surface}</text>
<text class="tick-label" x="${x(days[i]!).toFixed(1)}" y="${H - PAD.b + 16}" text-anchor="middle">${a.date!.slice(0, 7)}</text>`)}
</svg>`
}

function claimCard(c: Claim, n: number): Html {
  return html`<section class="card claim" id="claim-${n}"><h2>${c.quantity} <span class="muted">(${c.unit})</span> ${c.differs ? html`<span class="badge divergent">${L('各来源数字不同', 'the sources differ')}</span>` : html`<span class="badge">${L('一致', 'agree')}</span>`}</h2>
<div class="chart claim-chart">${plot(c, n)}</div>
<div class="table"><table><thead><tr><th>${L('日期', 'Date')}</th><th class="n">${L('数值', 'Value')}</th><th>${L('原文', 'As written')}</th><th>${L('限定', 'Qualifier')}</th><th>${L('句子', 'Sentence')}</th></tr></thead>
<tbody>${c.accounts.map((a) => {
  const at = a.sentence.indexOf(a.surface)
  return html`<tr><td>${a.date ?? '?'}${a.dateInferred ? html` <span class="badge inferred" title="the document states no date; inferred from the events it shares">${L('推断', 'inferred')}</span>` : ''}</td><td class="n">${fmt(a.value)}${unit(c.unit)}</td><td>${a.surface}</td><td>${a.qualifier ? `${QUALIFIER[a.qualifier] ?? ''} ${a.qualifier}` : ''}</td>
<td><a class="plain" href="${docHref(a.docId)}">${at >= 0 ? highlight(a.sentence, [{ start: at, end: at + a.surface.length, cls: 'nm' }]) : a.sentence}</a>${a.reprintOf ? html` <span class="badge">${L('转载', 'reprint')}</span>` : ''}</td></tr>`
})}</tbody></table></div></section>`
}

export function claims(store: Store, q: ClaimsQuery): Html {
  const list = rec.claims(store, q)
  return page('数字对比 Claims', '/claims', html`<h1>${L('数字对比', 'Claims compared')}</h1>
<p class="muted">${L('不同来源就同一数量给出的数字，按时间排列；单位已统一，限定词（约、近、超过）保留。', 'Figures different sources give for one quantity, oldest first; units made canonical, qualifiers (about, nearly, over) kept.')}</p>
<form class="filters" method="get" action="/claims"><label>${L('数量（简体或繁体）', 'Quantity (either script)')} <input name="quantity" value="${q.quantity ?? ''}" placeholder="领土 / 戰俘"></label> <button type="submit">${L('筛选', 'Filter')}</button> <a href="/claims">${L('清除', 'Clear')}</a></form>
${dataLinks('/api/claims', { quantity: q.quantity })}
<p class="muted" id="claim-count">${list.length} ${L('个数量', 'quantities')}</p>
${list.length ? list.map((c, i) => claimCard(c, i)) : html`<p class="empty">${L('没有符合条件的数字', 'No claims match.')}</p>`}`)
}
