import { test } from 'node:test'
import assert from 'node:assert/strict'
import { esc, html, safeUrl } from './html.js'
import { highlight, snippet } from './highlight.js'

test('esc turns every character that could open markup or end an attribute into an entity', () => {
  assert.equal(esc(`<script>a & "b" 'c' \`d\`</script>`), '&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39; &#96;d&#96;&lt;/script&gt;')
  assert.equal(esc(null), '')
})

test('html escapes what it interpolates, keeps what it built, joins arrays, drops null and false', () => {
  const inner = html`<b>${'<i>'}</b>`
  assert.equal(html`<p title="${'" onmouseover="x'}">${inner}${['<', html`<br>`]}${null}${false}</p>`.value, '<p title="&quot; onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;<br></p>')
})

test('safeUrl lets through our paths and http(s) links only', () => {
  assert.equal(safeUrl('/documents/1'), '/documents/1')
  assert.equal(safeUrl('https://example.org/a'), 'https://example.org/a')
  for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', '//evil.example/x', ' javascript:x', null]) assert.equal(safeUrl(bad), '#')
})

test('highlight: overlapping spans cut the text into pieces carrying every class; the text is escaped', () => {
  const out = highlight('甲<乙>丙丁', [
    { start: 1, end: 4, cls: 'qt', href: '#q' },
    { start: 2, end: 3, cls: 'mn', href: '#m' },
  ]).value
  assert.equal(out, '甲<a class="qt" href="#q" title="">&lt;</a><a class="qt mn" href="#m" title="">乙</a><a class="qt" href="#q" title="">&gt;</a>丙丁')
  assert.equal(highlight('一二三', [{ start: 11, end: 12, cls: 'ev' }], 10).value, '一<mark class="ev" title="">二</mark>三')
})

test('snippet: «hits» become marks, the rest stays text', () => {
  assert.equal(snippet('…在«烏克蘭»<b>…').value, '…在<mark>烏克蘭</mark>&lt;b&gt;…')
})
