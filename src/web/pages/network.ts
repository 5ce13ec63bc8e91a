// Who met, called or visited whom: actors on a circle, an edge between two actors for every merged event naming
// both (one meeting is one, however many articles report it), its width by that count. Laid out on the server (a circle is enough for the few dozen actors shown), so
// the drawing needs no script; the edge table under it is the data.
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import type { NetworkQuery } from '../../server/params.js'
import { html, type Html } from '../html.js'
import { L, dataLinks, page, typeZh } from '../layout.js'
import { actorHref } from './parts.js'

const W = 1000
const H = 700
const R = 270

export function network(store: Store, q: NetworkQuery): Html {
  const n = read.network(store, q)
  const pos = new Map(n.nodes.map((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n.nodes.length) - Math.PI / 2
    return [node.id, { x: W / 2 + R * Math.cos(a), y: H / 2 + R * Math.sin(a), a }]
  }))
  const max = Math.max(1, ...n.edges.map((e) => e.weight))
  const name = new Map(n.nodes.map((x) => [x.id, x.name]))
  const params = { type: q.type?.join(','), actorType: q.actorType?.join(','), since: q.since, until: q.until, nodes: q.nodes }
  const kinds = q.actorType?.join(',') ?? 'person'
  const svg = n.nodes.length
    ? html`<div class="chart net"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="network">
${n.edges.map((e) => {
  const [s, t] = [pos.get(e.source)!, pos.get(e.target)!]
  return html`<line class="edge" x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${t.x.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke-width="${(1 + (7 * e.weight) / max).toFixed(1)}"><title>${name.get(e.source)} – ${name.get(e.target)}: ${e.weight} (${Object.entries(e.types).map(([k, v]) => `${typeZh(k)} ${k} ${v}`).join(', ')})</title></line>`
})}
${n.nodes.map((node) => {
  const p = pos.get(node.id)!
  const right = Math.cos(p.a) >= 0
  return html`<a href="${actorHref(node.id, node.name)}"><circle class="node ${node.type}" cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${(5 + Math.min(10, node.events)).toFixed(0)}"><title>${node.name}: ${node.events}</title></circle><text class="node-label" x="${(p.x + (right ? 16 : -16)).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" text-anchor="${right ? 'start' : 'end'}">${node.name}</text></a>`
})}
</svg></div>`
    : html`<p class="empty">${L('没有符合条件的会面或通话', 'No meetings or calls match these filters.')}</p>`
  return page('关系网 Network', '/network', html`<h1>${L('关系网', 'Network')}: ${L('谁与谁会面或通话', 'who met or called whom')}</h1>
<form class="filters" method="get" action="/network">
<label>${L('节点', 'Nodes')} <select name="actorType">${[['person', '人物 people'], ['country', '国家 countries'], ['person,country', '人物和国家 both'], ['person,country,organization', '全部 all']].map(([v, label]) => html`<option value="${v}"${v === kinds ? html` selected` : ''}>${label}</option>`)}</select></label>
<label>${L('自', 'From')} <input name="since" value="${q.since ?? ''}" placeholder="2025-01" size="10"></label>
<label>${L('至', 'To')} <input name="until" value="${q.until ?? ''}" placeholder="2025-12" size="10"></label>
<button type="submit">${L('筛选', 'Filter')}</button></form>
<p class="muted">${L('连线粗细 = 两者都参与的合并事件数（已发生的通话、会谈、访问）；同一会面无论几篇文章报道都只计一次。', 'Edge width = merged events with both (calls, meetings, visits that happened); one meeting counts once however many articles report it.')}${n.omitted ? html` ${n.omitted} ${L('个联系较少的节点未显示', 'less connected actors not shown')}.` : ''}</p>
${svg}
${dataLinks('/api/network', params)}
<div class="table"><table><thead><tr><th>${L('甲方', 'Actor')}</th><th>${L('乙方', 'Actor')}</th><th class="n">${L('事件', 'Events')}</th><th class="n">${L('报道', 'Reports')}</th><th class="n">${L('文档', 'Documents')}</th><th>${L('类型', 'Types')}</th><th>${L('事件', 'Events')}</th></tr></thead>
<tbody>${n.edges.map((e) => html`<tr><td><a href="${actorHref(e.source, '')}">${name.get(e.source)}</a></td><td><a href="${actorHref(e.target, '')}">${name.get(e.target)}</a></td><td class="n">${e.weight}</td><td class="n">${e.reports}</td><td class="n">${e.documents}</td><td>${Object.entries(e.types).map(([k, v]) => `${typeZh(k)} ${v}`).join('，')}</td><td>${e.eventIds.map((id, i) => html`${i ? ' ' : ''}<a href="/merged/${id}">${i + 1}</a>`)}</td></tr>`)}</tbody></table></div>`)
}
