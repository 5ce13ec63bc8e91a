// Actors: the list with counts, and one actor's page: spellings seen, lexicon aliases by region, offices, roles in
// events, the events and the quotes.
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import { html, type Html } from '../html.js'
import { L, dataLinks, modalityLabel, page, pager, typeLabel } from '../layout.js'
import { actorHref, docHref, evidence, quoteItem } from './parts.js'

const REGION: Record<string, string> = { cn: '中国大陆 mainland', tw: '台湾 Taiwan', hk: '香港 Hong Kong', sg: '新加坡 Singapore', any: '通用 any' }

export function actors(store: Store, q: { limit: number; offset: number }): Html {
  const p = read.page(read.actors(store), q.limit, q.offset)
  return page('人物与机构 Actors', '/actors', html`<h1>${L('人物与机构', 'Actors')}</h1>
<form class="filters" method="get" action="/actors"><label>${L('查找（任何写法）', 'Find (any spelling)')} <input name="name" placeholder="普丁 / 澤倫斯基 / Rubio"></label> <button type="submit">${L('打开', 'Open')}</button></form>
${dataLinks('/api/actors', { limit: q.limit, offset: q.offset })}
<div class="table"><table><thead><tr><th>${L('名称', 'Name')}</th><th>${L('类型', 'Type')}</th><th class="n">${L('提及', 'Mentions')}</th><th class="n">${L('文档', 'Docs')}</th><th class="n">${L('事件', 'Events')}</th><th class="n">${L('引语', 'Quotes')}</th><th>${L('写法', 'Spellings')}</th></tr></thead>
<tbody>${p.items.map((a) => html`<tr><td><a href="${actorHref(a.actorId, a.name)}">${a.name}</a></td><td>${a.type}</td><td class="n">${a.mentions}</td><td class="n">${a.documents}</td><td class="n">${a.events}</td><td class="n">${a.quotes}</td><td>${a.surfaces.join('、')}</td></tr>`)}</tbody></table></div>
${pager('/actors', {}, p.total, q.limit, q.offset)}`)
}

export function actor(store: Store, name: string): Html {
  const r = read.actorDetail(store, name)
  if ('missing' in r) return page('404', '/actors', html`<h1>404</h1><p class="error">${L('没有这个人物或机构', 'No actor named')} “${name}”</p>`)
  if ('ambiguous' in r) return page(name, '/actors', html`<h1>${name}</h1><p>${L('这个名字可指', 'This name can mean')}:</p><ul>${r.ambiguous.map((a) => html`<li><a href="${actorHref(a.id, a.name)}">${a.name}</a> (${a.id})</li>`)}</ul>`)
  const a = r.found
  const id = a.actor.id
  return page(a.actor.name, '/actors', html`<h1>${a.actor.name}</h1>
<p class="muted">${a.actor.id} · ${a.actor.type}${a.actor.country ? html` · ${a.actor.country}` : ''}${a.actor.wikidata ? html` · Wikidata ${a.actor.wikidata}` : ''}${a.actor.known ? '' : html` · ${L('词库中没有', 'not in the lexicon')}`}</p>
${dataLinks(`/api/actors/${encodeURIComponent(id)}`, {}, false)}
<div class="cols">
<section><h2>${L('文中出现的写法', 'Spellings seen')}</h2><p class="spellings">${a.spellingsSeen.length ? a.spellingsSeen.map((s) => html`<span class="chip">${s.surface} <span class="muted">×${s.count}</span></span> `) : L('无', 'none')}</p>
<p class="muted">${a.mentions} ${L('次提及', 'mentions by name')} · ${a.documents} ${L('篇文档', 'documents')}${a.corefSurfaces.length ? html` · ${L('指代', 'referred to as')} ${a.corefSurfaces.map((s) => `${s.surface}×${s.count}`).join('、')}` : ''}</p>
<h2>${L('词库中的别名', 'Aliases in the lexicon')}</h2>
${Object.keys(a.lexiconAliases).length ? html`<table><tbody>${Object.entries(a.lexiconAliases).map(([region, list]) => html`<tr><th>${REGION[region] ?? region}</th><td>${list.join('、')}</td></tr>`)}</tbody></table>` : html`<p>${L('无', 'none')}</p>`}</section>
<section><h2>${L('职务', 'Offices')}</h2>${a.offices.length ? html`<ul>${a.offices.map((o) => html`<li>${o.role} <span class="muted">${o.from ?? '…'} – ${o.until ?? L('至今', 'now')}</span></li>`)}</ul>` : html`<p>${L('无', 'none')}</p>`}
<h2>${L('在事件中的角色', 'Roles in events')}</h2><p>${L('发起方', 'source')} ${a.eventRoles.source} · ${L('对象', 'target')} ${a.eventRoles.target} · ${L('参与方', 'participant')} ${a.eventRoles.participant}</p></section>
</div>
<h2>${L('事件', 'Events')} (${a.events.length})</h2>
${dataLinks('/api/events', { actor: id, limit: 1000 })}
<div class="table"><table class="events"><thead><tr><th>${L('日期', 'Date')}</th><th>${L('类型', 'Type')}</th><th>${L('情态', 'Modality')}</th><th>${L('证据', 'Evidence')}</th></tr></thead>
<tbody>${a.events.map((e) => html`<tr><td><a href="/events/${e.id}">${e.date ?? '?'}</a></td><td>${typeLabel(e.type)}</td><td>${modalityLabel(e.modality)}</td><td>${evidence(e)}<a class="muted" href="${docHref(e.document.id)}">${e.document.title}</a></td></tr>`)}</tbody></table></div>
<h2>${L('引语', 'Quotes')} (${a.quotes.length})</h2>
${dataLinks('/api/quotes', { speaker: id, limit: 1000 })}
<ul class="quotes">${a.quotes.map(quoteItem)}</ul>`)
}
