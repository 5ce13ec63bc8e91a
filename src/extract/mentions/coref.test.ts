// Coreference on sentences written for these tests: what links, and what must not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Mention } from '../../core/index.js'
import { findMentions, whoIsAt } from './index.js'
import { docOf } from './fixtures.js'

const corefs = (ms: Mention[]) => ms.filter((m) => m.how === 'coref').map((m) => [m.surface, m.name])

test('他 points at the one person named before it in the sentence', () => {
  const ms = findMentions(docOf('普京12日表示，他愿意与美方谈判。'))
  assert.deepEqual(corefs(ms), [['他', 'Vladimir Putin']])
})

test('他 in a sentence with no name points at the one person of the sentence before', () => {
  const ms = findMentions(docOf('泽连斯基当天发表视频讲话。他说，乌克兰需要安全保障。'))
  assert.deepEqual(corefs(ms), [['他', 'Volodymyr Zelenskyy']])
  assert.equal(ms.find((m) => m.how === 'coref')!.sentence, 1)
})

test('a pronoun with two possible antecedents links to neither', () => {
  const ms = findMentions(docOf('特朗普与普京通电话后，他表示会谈富有成效。'))
  assert.deepEqual(corefs(ms), [])
  const prev = findMentions(docOf('特朗普当天会见了泽连斯基。他表示会谈富有成效。'))
  assert.deepEqual(corefs(prev), [])
})

test('她 needs a woman named before it; 他 does not take one', () => {
  const ms = findMentions(docOf('卡娅·卡拉斯在布鲁塞尔发言。她说，欧盟将继续支持乌克兰。'))
  assert.deepEqual(corefs(ms), [['她', 'Kaja Kallas']])
  const he = findMentions(docOf('卡娅·卡拉斯在布鲁塞尔发言。他说，欧盟将继续支持乌克兰。'))
  assert.deepEqual(corefs(he), [])
})

test('他们, 其他 and 吉他 are no pronouns', () => {
  const ms = findMentions(docOf('普京表示，他们和其他国家都弹过吉他。'))
  assert.deepEqual(corefs(ms), [])
})

test('他（普京）: a name in brackets after the pronoun says who it is', () => {
  const ms = findMentions(docOf('特朗普说，我们希望他（普京）下个月能来访。'))
  assert.deepEqual(corefs(ms), [['他', 'Vladimir Putin']])
})

test('a role noun points at the person named before it who holds the role on the date', () => {
  const ms = findMentions(docOf('鲁比奥在利雅得会见了普京。这位总统表示愿意对话。', '2025-02-18'))
  assert.deepEqual(corefs(ms), [['这位总统', 'Vladimir Putin']])
  // Two presidents named before: no link.
  const two = findMentions(docOf('特朗普在电话中告诉普京。这位总统表示愿意对话。', '2025-02-18'))
  assert.deepEqual(corefs(two), [])
})

test('a bare role title names its holder on the document date', () => {
  const before = findMentions(docOf('目前看不出俄总统在认真考虑尽快和谈。', '2024-01-25'))
  assert.deepEqual(corefs(before), [['俄总统', 'Vladimir Putin']])
  const us = findMentions(docOf('分析认为，美国总统的表态暗示立场转变。', '2024-06-01'))
  assert.deepEqual(corefs(us), [['美国总统', 'Joe Biden']])
  const us2 = findMentions(docOf('分析认为，美国总统的表态暗示立场转变。', '2025-06-01'))
  assert.deepEqual(corefs(us2), [['美国总统', 'Donald Trump']])
})

test('a bare title is no role noun when it begins a compound, is former, or follows the name it describes', () => {
  assert.deepEqual(corefs(findMentions(docOf('美国总统任期为四年。', '2025-06-01'))), [])
  assert.deepEqual(corefs(findMentions(docOf('前美国总统在会上发言。', '2025-06-01'))), [])
  assert.deepEqual(corefs(findMentions(docOf('普京总统当天表示。', '2025-06-01'))), [])
})

test('两人 points at the two people just named', () => {
  const ms = findMentions(docOf('特朗普12日同普京通电话，两人同意尽快会面。'))
  assert.deepEqual(corefs(ms), [['两人', 'Donald Trump'], ['两人', 'Vladimir Putin']])
})

test('whoIsAt: a name, a resolved pronoun, and a pronoun with no clear antecedent', () => {
  const doc = docOf('普京12日表示，他愿意谈判。特朗普与泽连斯基通话后，他表示满意。')
  const ms = findMentions(doc)
  assert.equal(whoIsAt(doc, ms, doc.text.indexOf('普京'))?.name, 'Vladimir Putin')
  assert.equal(whoIsAt(doc, ms, doc.text.indexOf('他'))?.name, 'Vladimir Putin')
  assert.equal(whoIsAt(doc, ms, doc.text.lastIndexOf('他')), null)
})
