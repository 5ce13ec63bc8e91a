import assert from 'node:assert/strict'
import { test } from 'node:test'
import { classifyLine, isProse } from './boilerplate.js'
import { isBylineLine, prune } from './prune.js'
import { blocksOf } from './to-text.js'
import { parseBody } from './dom.js'

test('classifyLine: chrome, end markers and meta lines by rule', () => {
  assert.equal(classifyLine('分享到：微信 微博 QQ空间').rule, 'share')
  assert.equal(classifyLine('责任编辑：孙重远').rule, 'editor')
  assert.equal(classifyLine('Copyright © 2005 Sina.com All Rights Reserved').rule, 'copyright')
  assert.equal(classifyLine('上一篇：美俄会谈在即').rule, 'prev-next')
  assert.equal(classifyLine('获取更多RSS：').kind, 'end')
  assert.equal(classifyLine('相关阅读').kind, 'end')
  assert.equal(classifyLine('延伸阅读：57岁小学肄业 广西骗子演绎惊天骗局').kind, 'chrome', 'one related link, not a list heading')
  assert.equal(classifyLine('| 回复线索：').kind, 'end')
  assert.equal(classifyLine('[打印] [关闭窗口]').rule, 'actions')
  assert.equal(classifyLine('来源：新华社').kind, 'meta')
  assert.equal(classifyLine('他说，网友评论了这件事，但大多数评论并不友好，这让他很难过。').kind, 'text')
})

test('isProse and isBylineLine', () => {
  assert.ok(isProse('两国外长下周将在日内瓦举行新一轮磋商。'))
  assert.ok(isProse('一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣'))
  assert.ok(!isProse('国际新闻'))
  assert.ok(isBylineLine('2005-04-05 06:40更新 来源：转载文章'))
  assert.ok(isBylineLine('http://www.sina.net 2005年03月21日 11:21 《理财周刊》'))
  assert.ok(isBylineLine('光明日报记者 王建宏 张文攀'))
  assert.ok(!isBylineLine('2003年5月29日，他再次来到这里，回忆往事。'))
})

test('prune: the text ends at a comment section; link lists around it are cut', () => {
  const para = '这是一段正文，讲述了事情的经过。'.repeat(6)
  const html = `<ul><li><a href="1">首页</a></li><li><a href="2">新闻</a></li></ul><p>${para}</p><p>小标题</p><p>${para}</p>
    <p><a href="3">热门文章一</a> <a href="4">热门文章二</a> <a href="5">热门文章三</a></p>
    <div>网友评论</div><p>${'这篇文章写得很好，我完全同意作者的看法。'.repeat(3)}</p>`
  const out = prune(blocksOf(parseBody(html).body), null)
  assert.deepEqual(out.kept.map((b) => b.text), [para, '小标题', para])
  assert.ok(out.dropped.some((d) => d.rule === 'comments'))
})

test('prune: the title and byline at the top are set aside as the byline', () => {
  const para = '这是一段正文，讲述了事情的经过。'.repeat(6)
  const html = `<h1>标题在此</h1><div>2005-04-05 06:40更新 来源：转载文章</div><p>${para}</p>`
  const out = prune(blocksOf(parseBody(html).body), '标题在此')
  assert.deepEqual(out.kept.map((b) => b.text), [para])
  assert.deepEqual(out.byline.map((b) => b.text), ['标题在此', '2005-04-05 06:40更新 来源：转载文章'])
})

test('classifyLine: a subheading that starts like a chrome word is still text', () => {
  assert.equal(classifyLine('分享经济的未来').kind, 'text')
  assert.equal(classifyLine('分享 :').rule, 'share')
})
