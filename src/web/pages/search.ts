// Search in either script, and the ingest page (upload files, or give a feed or page URL).
import type { Store } from '../../store/store.js'
import * as read from '../../server/read.js'
import type { SearchQuery } from '../../server/params.js'
import type { IngestSummary } from '../../pipeline/ingest.js'
import { snippet } from '../highlight.js'
import { html, type Html } from '../html.js'
import { L, dataLinks, page } from '../layout.js'

export function search(store: Store, q: SearchQuery | null): Html {
  const hits = q ? read.search(store, q.q, q.limit) : []
  return page('搜索 Search', '/search', html`<h1>${L('搜索', 'Search')}</h1>
<form class="filters" method="get" action="/search" role="search">
<label>${L('简体或繁体', 'Simplified or traditional')} <input name="q" value="${q?.q ?? ''}" placeholder="烏克蘭 停火" autofocus></label>
<button type="submit">${L('搜索', 'Search')}</button></form>
${q ? html`<p class="muted" id="hit-count">${hits.length} ${L('个结果', 'results')}</p>
${dataLinks('/api/search', { q: q.q, limit: q.limit })}
<ol class="hits">${hits.map((h) => html`<li><a href="/documents/${h.id}">${h.title}</a> <span class="muted">${h.published.at ?? ''}</span><p>${snippet(h.snippet)}</p></li>`)}</ol>` : ''}`)
}

function tokenField(needed: boolean): Html {
  return needed ? html`<label>${L('令牌', 'Token')} <input name="token" type="password" autocomplete="off" required></label>` : html``
}

export function ingestForm(needsToken: boolean): Html {
  return page('导入 Ingest', '/ingest', html`<h1>${L('导入', 'Ingest')}</h1>
<section class="card"><h2>${L('上传文件', 'Upload files')}</h2>
<p class="muted">${L('RSS/Atom/JSON 订阅、网页、纯文本、订阅导出条目；任何编码。', 'RSS/Atom/JSON feeds, saved pages, plain text, feed-export items; any encoding.')}</p>
<form method="post" action="/ingest" enctype="multipart/form-data" class="stack">
<input type="file" name="file" multiple required>
<label>${L('发布日期（可选）', 'Publication date (optional)')} <input name="published" placeholder="2025-02-13" size="12"></label>
${tokenField(needsToken)}
<button type="submit">${L('导入', 'Ingest')}</button></form></section>
<section class="card"><h2>${L('订阅或网页地址', 'Feed or page URL')}</h2>
<form method="post" action="/ingest" enctype="multipart/form-data" class="stack">
<input type="url" name="url" placeholder="https://example.org/feed.xml" required>
${tokenField(needsToken)}
<button type="submit">${L('读取', 'Fetch')}</button></form></section>`)
}

export function ingestResult(s: IngestSummary): Html {
  return page('导入 Ingest', '/ingest', html`<h1>${L('导入结果', 'Ingest result')}</h1>
<p id="ingest-summary">${s.newDocs} ${L('篇新文档', 'new documents')}, ${s.knownDocs} ${L('篇已有', 'already known')}, ${s.failed} ${L('个失败', 'failed')}</p>
<div class="table"><table><thead><tr><th>${L('状态', 'Status')}</th><th>${L('输入', 'Input')}</th><th>${L('文档', 'Documents')}</th><th>${L('说明', 'Notes')}</th></tr></thead>
<tbody>${s.files.map((f) => html`<tr><td>${f.status}</td><td>${f.path.replace(/^.*parley-upload-[^/\\]+[/\\]/, '')}</td><td>${f.documents.map((d) => html`<a href="/documents/${d.id}">${d.title}</a> `)}</td><td>${f.reason ?? ''}</td></tr>`)}</tbody></table></div>
<p><a href="/ingest">${L('继续导入', 'Ingest more')}</a> · <a href="/timeline">${L('时间线', 'Timeline')}</a></p>`)
}
