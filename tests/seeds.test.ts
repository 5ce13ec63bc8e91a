// The five seed articles (../shared/seeds): format, title, publication date, script and clean text.
// Expected values were read off the articles by hand.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { sharedPath, skipWithout } from './helpers/shared.js'
import { readOne } from './helpers/pipeline.js'

const skip = skipWithout('seeds')
const seed = (name: string): string => join(sharedPath('seeds') ?? '', name)

const CHROME = ['分享 :', '分享到', '获取更多RSS', 'feedx', 'Add a Comment', 'Translate »', '您的邮箱地址不会被公开', '跳转到内容', '[编辑]', '维基百科，自由的百科全书', 'data-selfpromo', '<div', '<p>']

function assertClean(text: string): void {
  for (const c of CHROME) assert.ok(!text.includes(c), `text still holds chrome "${c}"`)
  assert.doesNotMatch(text, /^\s*\?\s*$/m, 'a lone "?" line survived')
}

test('000: a feed-export item dated by its epoch comment', { skip }, () => {
  const d = readOne(seed('000_ce96139b36a11541.txt'))
  assert.equal(d.format, 'feed-export')
  assert.equal(d.title, '普京据报间接向美国发出结束俄乌战争谈判信号 美官员存疑')
  assert.deepEqual([d.published.at, d.published.precision, d.published.source], ['2024-01-25T18:45Z', 'minute', 'epoch-comment'])
  assert.equal(d.script, 'simplified')
  assert.match(d.text, /^彭博社周四报导称，普京正在试探美国/)
  assert.match(d.text, /在有人对这一提议进行测试之前，我们永远无法确定”。$/)
  assert.ok(!d.text.includes('25/01/2024'), 'the dateline is metadata, not text')
  assertClean(d.text)
})

test('001: a feed-export item whose own GMT dateline beats the exporter stamp', { skip }, () => {
  const d = readOne(seed('001_643a62e685c401ee.txt'))
  assert.equal(d.format, 'feed-export')
  assert.equal(d.title, '美俄会谈在即 美国务院：真正的和谈在乌克兰参与下才会进行')
  assert.deepEqual([d.published.at, d.published.precision], ['2025-02-18T07:27Z', 'minute'])
  assert.equal(d.script, 'simplified')
  assert.match(d.text, /美国与俄罗斯高层官员星期二\(2月18日\)将在沙特阿拉伯首都利雅得会谈/)
  assert.match(d.text, /\(本文依据了美联社、法新社、路透社的报道\)$/)
  assertClean(d.text)
})

test('002: plain text with its comment form removed; no date stated', { skip }, () => {
  const d = readOne(seed('002_3f811ed415383699.txt'))
  assert.equal(d.format, 'text')
  assert.equal(d.title, '美乌停火30天草案 俄消息人士:普京很难同意')
  assert.deepEqual([d.published.at, d.published.precision, d.published.source], [null, 'unknown', 'none'])
  assert.equal(d.script, 'simplified')
  assert.match(d.text, /川普表示,他可能会在本周与普京通话,希望在未来几天谈判达成持久停火。$/)
  assertClean(d.text)
})

test('003: a Wikipedia copy in traditional script, references kept as sources', { skip }, () => {
  const d = readOne(seed('003_882cca5b5e696ba3.txt'))
  assert.equal(d.format, 'wiki')
  assert.equal(d.title, '美俄就烏克蘭實現和平的談判')
  assert.equal(d.published.precision, 'unknown')
  assert.equal(d.script, 'traditional')
  assertClean(d.text)
  assert.doesNotMatch(d.text, /\[\d+\]/, 'footnote markers removed')
  assert.doesNotMatch(d.text, /參考文獻|ABC News|Financial Times/, 'the reference list is not text')
  assert.match(d.text, /這次通話持續約90分鐘\n/)
  assert.equal(d.references.length, 30)
  const r10 = d.references.find((r) => r.n === 10)!
  assert.deepEqual([r10.title, r10.outlet, r10.date, r10.accessed, r10.language], ['Ukraine war talks start now, Trump says after Putin call', 'www.bbc.com', '2025-02-13', '2025-02-13', 'en-GB'])
  const r3 = d.references.find((r) => r.n === 3)!
  assert.deepEqual([r3.outlet, r3.date, r3.language], ['РБК', '2023-03-05', 'ru'])
})

test('004: plain text; a historical date in the body is not its publication date', { skip }, () => {
  const d = readOne(seed('004_295761615c42dc3b.txt'))
  assert.equal(d.format, 'text')
  assert.equal(d.title, '特朗普与普京通话1.5小时、与泽连斯基通话1小时 三方“通气” 俄乌冲突现重大转机？')
  assert.deepEqual([d.published.at, d.published.source], [null, 'none'])
  assert.equal(d.script, 'simplified')
  assert.match(d.text, /^美国总统特朗普12日同俄罗斯总统普京通电话/)
  assert.match(d.text, /向基辅发出了明确信号/, 'a sentence broken across lines is joined')
  assertClean(d.text)
})

test('004: a date the user states is used, with its source', { skip }, () => {
  const d = readOne(seed('004_295761615c42dc3b.txt'), { user: { published: '2025-02-13' } })
  assert.deepEqual(d.published, { at: '2025-02-13', precision: 'day', source: 'user', raw: '2025-02-13' })
})
