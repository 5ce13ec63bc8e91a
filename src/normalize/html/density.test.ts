import assert from 'node:assert/strict'
import { test } from 'node:test'
import { densestNode } from './density.js'
import { parsePage } from './dom.js'

test('densestNode: the article container beats the page, the menu and a link-heavy sidebar', () => {
  const para = '这是一段正文，讲述了事情的经过，各方都表达了看法。'
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">新闻标题第${i}条，点击查看</a></li>`).join('')
  const html = `<html><body><div id="top"><a href="/">首页</a> <a href="/n">新闻</a></div>
    <table><tr><td class="left"><ul>${links}</ul></td>
    <td><div id="text"><p>${para.repeat(4)}</p><p>${para.repeat(3)}</p></div></td></tr></table>
    <div class="footer">关于我们 | 联系我们 | 版权所有</div></body></html>`
  const pick = densestNode(parsePage(html).body)
  assert.equal(pick?.node.getAttribute('id'), 'text')
})

test('densestNode: no punctuation anywhere, no pick', () => {
  assert.equal(densestNode(parsePage('<html><body><div>首页 新闻 体育</div></body></html>').body), null)
})
