// The stance matrix: actors (or countries) x issues, each cell coloured by the latest position on or before the
// chosen date (supports / opposes / conditional, the condition on hover and in the cell's history). The date
// slider is a plain GET form; with the page script on, moving it replays every cell's history in place (each
// cell carries its history as data) so the matrix moves as the slider does. A cell opens its whole history.
import type { Stance } from '../../core/record.js'
import type { StanceHistoryQuery, StancesQuery } from '../../server/params.js'
import * as rec from '../../server/record.js'
import type { Store } from '../../store/store.js'
import { html, qs, type Html } from '../html.js'
import { L, dataLinks, page } from '../layout.js'
import { actorHref, docHref } from './parts.js'

const POSITION: Record<Stance['position'], [string, string, string]> = {
  supports: ['支持', 'supports', '+'],
  opposes: ['反对', 'opposes', '−'],
  conditional: ['有条件', 'conditional', '?'],
}

/** Chinese names of the issues of lexicon/issues.tsv (the lexicon holds the English labels). */
const ISSUE_ZH: Record<string, string> = {
  'black-sea': '黑海航行', ceasefire: '停火', elections: '乌克兰选举', 'europe-at-table': '欧洲参与谈判', 'lasting-peace': '持久和平',
  'military-aid': '军援与情报共享', 'minerals-deal': '矿产协议', 'nato-membership': '加入北约', 'peace-talks': '和谈', 'prisoner-exchange': '交换战俘',
  'sanctions-relief': '解除制裁', 'security-guarantees': '安全保障与维和', territory: '领土', 'ukraine-at-table': '乌克兰参与谈判', zaporizhzhia: '扎波罗热核电站',
}
export const issueLabel = (i: rec.Issue): Html => L(ISSUE_ZH[i.id] ?? i.id, i.label)

const positionLabel = (p: Stance['position']): Html => html`<span class="pos ${p}">${POSITION[p][2]} ${L(POSITION[p][0], POSITION[p][1])}</span>`

function cellTitle(s: Stance): string {
  const [zh, en] = POSITION[s.position]
  return `${zh} ${en} · ${s.date ?? '?'}${s.condition ? ` · 条件 condition: ${s.condition}` : ''} · ${s.evidence.slice(0, 80)}`
}

function historyHref(m: rec.StanceMatrix, row: rec.StanceMatrix['rows'][number], issue: string): string {
  return `/stances/history${qs(m.byCountry && row.country ? { country: row.country, issue } : { actor: row.actorId ?? row.name, issue })}`
}

export function stances(store: Store, q: StancesQuery): Html {
  const m = rec.stanceMatrix(store, q)
  const cell = new Map(m.cells.map((c) => [`${c.row}\u0000${c.issue}`, c]))
  const step = m.at ? Math.max(0, m.dates.filter((d) => d <= m.at!).length - 1) : m.dates.length - 1
  const params = { actor: q.actor, issue: q.issue?.join(','), at: m.at ?? undefined, byCountry: q.byCountry ? 1 : undefined }
  const slider = m.dates.length
    ? html`<label class="slider">${L('日期', 'As of')} <output id="at-label" for="at-slider">${m.at ?? m.dates.at(-1)}</output>
<input type="range" id="at-slider" name="i" min="0" max="${m.dates.length - 1}" step="1" value="${step}" data-dates="${m.dates.join(',')}" aria-label="date"></label>`
    : ''
  const table = m.rows.length
    ? html`<div class="table"><table class="matrix" id="stance-matrix"><thead><tr><th>${m.byCountry ? L('国家', 'Country') : L('人物/机构', 'Actor')}</th>${m.issues.map((i) => html`<th class="issue" data-issue="${i.id}">${issueLabel(i)}</th>`)}</tr></thead>
<tbody>${m.rows.map((r) => html`<tr><th>${r.actorId && !m.byCountry ? html`<a href="${actorHref(r.actorId, r.name)}">${r.name}</a>${r.country && r.country !== r.name ? html` <span class="muted">${r.country}</span>` : ''}` : r.name}</th>${m.issues.map((i) => {
  const c = cell.get(`${r.key}\u0000${i.id}`)
  if (!c) return html`<td class="cell none"></td>`
  const s = c.current
  const hist = c.history.map((h) => [h.date ?? '', h.position, h.condition ?? ''])
  return html`<td class="cell ${s ? s.position : 'later'}${c.changed ? ' changed' : ''}" data-history="${JSON.stringify(hist)}"><a href="${historyHref(m, r, i.id)}" title="${s ? cellTitle(s) : '此日期后才有记录 recorded only after this date'}"><span class="mark">${s ? POSITION[s.position][2] : '·'}</span><span class="label">${s ? L(POSITION[s.position][0], POSITION[s.position][1]) : ''}</span>${s?.condition ? html`<span class="cond">${s.condition}</span>` : ''}</a></td>`
})}</tr>`)}</tbody></table></div>`
    : html`<p class="empty">${L('没有记录到立场', 'No positions recorded.')}</p>`
  return page('立场矩阵 Stances', '/stances', html`<h1>${L('立场矩阵', 'Stance matrix')}</h1>
<form class="filters" method="get" action="/stances" id="stance-form">
<label>${L('人物/机构', 'Actor')} <input name="actor" value="${q.actor ?? ''}" placeholder="川普 / 普丁 / Rubio"></label>
<label class="check"><span><input type="checkbox" name="byCountry" value="1"${q.byCountry ? html` checked` : ''}> ${L('按国家', 'by country')}</span></label>
${q.issue?.length ? html`<input type="hidden" name="issue" value="${q.issue.join(',')}">` : ''}
${slider}
<button type="submit">${L('显示', 'Show')}</button> <a href="/stances">${L('清除', 'Clear')}</a>
</form>
<p class="legend">${positionLabel('supports')} ${positionLabel('opposes')} ${positionLabel('conditional')} <span class="muted">${L('↺ = 此前立场不同；点击格子查看历史', '↺ = an earlier position differed; a cell opens its history')}</span></p>
${table}
${dataLinks('/api/stances', params)}`)
}

export function stanceHistory(store: Store, q: StanceHistoryQuery): Html {
  const list = rec.stanceHistory(store, q)
  const issue = rec.issueList().find((i) => i.id === q.issue) ?? { id: q.issue, label: q.issue }
  const who = q.country ?? list[0]?.actor ?? q.actor ?? '?'
  return page(`${who} · ${issue.label}`, '/stances', html`<h1>${who}: ${issueLabel(issue)}</h1>
<p><a href="/stances">← ${L('立场矩阵', 'Stance matrix')}</a></p>
${dataLinks('/api/stances/history', { actor: q.actor, country: q.country, issue: q.issue })}
${list.length ? html`<div class="table"><table class="history"><thead><tr><th>${L('日期', 'Date')}</th><th>${L('立场', 'Position')}</th><th>${L('条件', 'Condition')}</th><th>${L('人物/机构', 'Actor')}</th><th>${L('依据', 'Evidence')}</th></tr></thead>
<tbody>${list.map((s) => html`<tr class="${s.position}"><td>${s.date ?? '?'}</td><td>${positionLabel(s.position)} <span class="muted">${s.cue}</span></td><td>${s.condition ?? ''}</td><td>${s.actorId ? html`<a href="${actorHref(s.actorId, s.actor)}">${s.actor}</a>` : s.actor}</td><td><a class="plain" href="${docHref(s.docId)}">${s.evidence}</a></td></tr>`)}</tbody></table></div>` : html`<p class="empty">${L('没有记录', 'Nothing recorded.')}</p>`}`)
}
