// The page shell every dashboard page shares: bilingual navigation, the stylesheet and script as files (the CSP
// allows no inline code), and the "data" links that give the JSON and CSV of exactly what a page shows.
//
// Why server-rendered pages and not a Vite front end: the dashboard is one process with the API (`parley serve`),
// there is nothing to build or to keep in step with the server, and every page can be read with JavaScript off
// (filters are plain GET forms, an event's reports open with <details>). The one script adds drag-to-zoom on
// the timeline and lets the stance matrix follow its date slider without a reload.
import { html, qs, type Html } from './html.js'

/** A label in both languages: Chinese first, the English beside it. */
export const L = (zh: string, en: string): Html => html`<span lang="zh">${zh}</span> <span class="en" lang="en">${en}</span>`

const NAV: [string, string, string][] = [
  ['/timeline', '时间线', 'Timeline'],
  ['/stances', '立场', 'Stances'],
  ['/claims', '数字', 'Claims'],
  ['/network', '关系网', 'Network'],
  ['/actors', '人物与机构', 'Actors'],
  ['/quotes', '引语', 'Quotes'],
  ['/documents', '文档', 'Documents'],
  ['/search', '搜索', 'Search'],
  ['/ingest', '导入', 'Ingest'],
]

export function page(title: string, active: string, body: Html): Html {
  return html`<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · parley</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
<a class="brand" href="/timeline">parley</a>
<nav>${NAV.map(([href, zh, en]) => html`<a href="${href}"${active === href ? html` aria-current="page"` : ''}>${L(zh, en)}</a>`)}<a href="/api/openapi.json">API</a></nav>
</header>
<main>
${body}
</main>
</body>
</html>`
}

/** JSON and CSV of what a view shows: the API route with the same filters. */
export function dataLinks(path: string, params: Record<string, string | number | undefined | null>, csv = true): Html {
  return html`<p class="data">${L('数据', 'Data')}: <a href="${path + qs(params)}">JSON</a>${csv ? html` · <a href="${path + qs({ ...params, format: 'csv' })}">CSV</a>` : ''}</p>`
}

export function errorPage(status: number, message: string): Html {
  return page(`${status}`, '', html`<h1>${status}</h1><p class="error">${message}</p><p><a href="/timeline">${L('返回时间线', 'Back to the timeline')}</a></p>`)
}

/** Previous / next links for a paged list. */
export function pager(base: string, params: Record<string, string | number | undefined>, total: number, limit: number, offset: number): Html {
  const prev = offset > 0 ? html`<a rel="prev" href="${base + qs({ ...params, limit, offset: Math.max(0, offset - limit) })}">← ${L('上一页', 'previous')}</a>` : ''
  const next = offset + limit < total ? html`<a rel="next" href="${base + qs({ ...params, limit, offset: offset + limit })}">${L('下一页', 'next')} →</a>` : ''
  const shown = total ? `${offset + 1}–${Math.min(total, offset + limit)} / ${total}` : '0'
  return html`<p class="pager">${prev} <span>${shown}</span> ${next}</p>`
}

const TYPE_ZH: Record<string, string> = {
  call: '通话', meeting: '会谈', visit: '访问', proposal: '提议', agreement: '协议', statement: '表态', reject: '拒绝', demand: '要求',
  threat: '威胁', aid: '援助', sanction: '制裁', exchange_prisoners: '交换战俘', ceasefire: '停火', military_action: '军事行动', other: '其他',
}
const MODALITY_ZH: Record<string, string> = { reported: '已发生', planned: '计划', hypothetical: '假设', negated: '否定', historical: '历史', happened: '已发生', other: '其他' }

export const typeLabel = (t: string): Html => L(TYPE_ZH[t] ?? t, t.replace('_', ' '))
export const modalityLabel = (m: string): Html => html`<span class="badge ${m}">${L(MODALITY_ZH[m] ?? m, m)}</span>`
export const typeOptions = Object.keys(TYPE_ZH)
export const typeZh = (t: string): string => TYPE_ZH[t] ?? t
