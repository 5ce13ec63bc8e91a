import assert from 'node:assert/strict'
import { test } from 'node:test'
import { extractHtml, htmlToText } from './index.js'

const PARA = '路透社周二报道说，甲国领导人正在探询邻国能否重回谈判桌，两名知情者称，他希望尽快对话。'

test('fragment: date line read as a date and dropped, share bar and RSS footer dropped', () => {
  const html = `<div>25/01/2024 - 19:26</div><img src="x.jpg"><p><strong>${PARA}</strong></p><div><p>${PARA}</p><p>${PARA}</p></div>
    <div><div>分享 :</div><div><a href="https://www.facebook.com/share"><span></span></a><a href="https://x.com/intent">X</a></div></div>
    <br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a><br></div>`
  const out = extractHtml(html, { fragment: true })
  assert.equal(out.method, 'fragment')
  assert.deepEqual(out.dates[0], { at: '2024-01-25T19:26', precision: 'minute', source: 'text-pattern', raw: '25/01/2024 - 19:26' })
  assert.equal(out.text, [PARA, PARA, PARA].join('\n\n'))
})

test('fragment: an image caption stays when it says something, a photo credit goes', () => {
  const caption = '美国国务卿在利雅得会晤沙特王储。(2025年2月17日)'
  const html = `<div><i>Tue, 18 Feb 2025 07:27:23 GMT</i></div><img src="a.jpg"><div><small>${caption}</small></div>
    <p>${PARA}</p><figure><img src="b.jpg"><figcaption>图片来源：视觉中国</figcaption></figure><p>${PARA}</p>`
  const out = extractHtml(html, { fragment: true })
  assert.ok(out.text.startsWith(caption), out.text)
  assert.ok(!out.text.includes('视觉中国'))
  assert.ok(!out.text.includes('GMT'))
  assert.equal(out.dates[0]?.at, '2025-02-18T07:27Z', 'the GMT line, not the date in the caption')
})

test('page: metadata, title without suffix, chrome lines and a related-news list dropped', () => {
  const html = `<html lang="zh-CN"><head><title>普京据报发出谈判信号_国际_某某网</title>
    <meta property="og:site_name" content="某某网"><link rel="canonical" href="/a/1.html"></head><body>
    <ul class="nav"><li><a href="/">首页</a></li><li><a href="/gj">国际</a></li></ul>
    <div id="main"><h1>甲国据报释出对话意愿</h1><p>${PARA}</p><p>${PARA}</p><p>${PARA}</p>
    <p>责任编辑：张三</p><p>分享到：微信 微博</p>
    <h3>相关新闻</h3><ul><li><a href="/1">美俄会谈在即</a></li><li><a href="/2">北约回应</a></li></ul></div>
    <div class="footer">版权所有 © 2025 某某网 京ICP证000000号</div></body></html>`
  const out = extractHtml(html, { url: 'https://example.cn/gj/x.html' })
  assert.equal(out.title, '普京据报发出谈判信号')
  assert.equal(out.text, [PARA, PARA, PARA].join('\n\n'))
  assert.equal(out.lang, 'zh-CN')
  assert.equal(out.siteName, '某某网')
  assert.equal(out.canonicalUrl, 'https://example.cn/a/1.html')
  assert.ok(['readability', 'density'].includes(out.method))
})

test('page: a layout table of short lines still yields its text through the lower levels', () => {
  const html = `<html><body><table><tr><td><a href="/">首页</a></td></tr><tr><td>短讯：今天下雨了。明天放晴。</td></tr></table></body></html>`
  const out = extractHtml(html)
  assert.equal(out.text, '短讯：今天下雨了。明天放晴。')
  assert.notEqual(out.method, 'readability')
})

test('htmlToText is exported for fragments', () => {
  assert.equal(htmlToText('<p>甲</p><p>乙</p>'), '甲\n\n乙')
})

test('lang: a declared Chinese tag is kept; a template\'s lang="en" over Chinese text is not', () => {
  const body = `<p>${PARA}</p><p>${PARA}</p>`
  assert.equal(extractHtml(`<html lang="zh-TW"><body>${body}</body></html>`).lang, 'zh-TW')
  assert.equal(extractHtml(`<html lang="en"><body>${body}</body></html>`).lang, 'zh')
  assert.equal(extractHtml(`<p>子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたりする体罰を禁止することになりました。</p>`, { fragment: true }).lang, 'ja')
  assert.equal(extractHtml('<html lang="en"><body><p>An English sentence, long enough to count as text here.</p></body></html>').lang, 'en')
})
