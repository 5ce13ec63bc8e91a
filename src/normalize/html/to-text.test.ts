import assert from 'node:assert/strict'
import { test } from 'node:test'
import { htmlToText, normalizeSpace } from './to-text.js'

test('htmlToText: one paragraph per block and per <br>, joined by a blank line', () => {
  const html = '<div><p>第一段，<b>加粗</b>的字。</p><p>第二段</p>第三行<br>第四行<ul><li>甲</li><li>乙</li></ul></div>'
  assert.equal(htmlToText(html), '第一段，加粗的字。\n\n第二段\n\n第三行\n\n第四行\n\n甲\n\n乙')
})

test('htmlToText: a line wrap between Han characters adds no space; other whitespace collapses', () => {
  assert.equal(htmlToText('<p>　　张家界的春天，\n  美得让人眩目。 Hello   world</p>'), '张家界的春天，美得让人眩目。 Hello world')
  assert.equal(normalizeSpace('a \u00a0 b\u3000c'), 'a b c')
})

test('htmlToText: scripts, styles, hidden elements and ruby annotations are not text', () => {
  const html = '<p>正文<script>var x = 1</script><style>p{}</style><span style="display:none">隐藏</span></p><p><ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby></p>'
  assert.equal(htmlToText(html), '正文\n\n漢字')
})

test('htmlToText: a data table reads row by row, cells separated by a space', () => {
  const html = '<table><tr><th>专业</th><th>导师</th></tr><tr><td>艺术学</td><td>刘梦溪</td></tr></table>'
  assert.equal(htmlToText(html), '专业 导师\n\n艺术学 刘梦溪')
})
