import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findQuotes } from './index.js'
import { findQuoteSpans, looksLikeLabel } from './spans.js'
import { findVerbs } from './verbs.js'
import { readTsv } from '../../lexicon/load.js'
import { splitSentences } from '../../normalize/sentences.js'
import { matchingView } from '../../normalize/matching.js'
import type { Document, Mention } from '../../core/index.js'

// Mentions are written by hand here so these tests exercise attribution alone.
function person(text: string, surface: string, name: string, country: string, from = 0): Mention {
  const start = text.indexOf(surface, from)
  assert.ok(start >= 0, surface)
  return { start, end: start + surface.length, surface, actorId: name.toLowerCase().replace(/ /g, '-'), name, type: 'person', country, how: 'lexicon', unresolved: false, sentence: 0, ruleId: 't', confidence: 1 }
}
function country(text: string, surface: string, name: string): Mention {
  return { ...person(text, surface, name, name), type: 'country', actorId: name.toLowerCase() }
}
function doc(text: string): Document {
  return { id: 'd', origin: 'x', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 't', published: { at: null, precision: 'unknown', source: 'none', raw: null }, script: 'simplified', text, sentences: splitSentences(text), references: [], encoding: 'utf-8' }
}
const run = (text: string, mentions: Mention[]) => findQuotes(doc(text), matchingView(text).text, mentions)

test('reporting-verbs.tsv is sorted and unique', () => {
  const verbs = readTsv('reporting-verbs.tsv').rows.map((r) => r.verb!)
  assert.deepEqual(verbs, [...new Set(verbs)].sort())
})

test('longer words block the verbs inside them', () => {
  const t = '这种说法被称为谣言，他说'
  assert.deepEqual(findVerbs(t, 0, t.length).map((v) => v.verb), ['说'])
})

test('the subject of the verb before the quote speaks, not the outlet he answers', () => {
  const t = '俄罗斯外长谢尔盖在回答路透社的提问时说：“我们愿意谈判。”'
  const q = run(t, [country(t, '俄罗斯', 'Russia'), person(t, '谢尔盖', 'Sergey Example', 'Russia')])
  assert.equal(q.length, 1)
  assert.equal(q[0]!.speaker?.name, 'Sergey Example')
  assert.equal(q[0]!.text, '我们愿意谈判。')
})

test('an unnamed source stays unnamed, with its country', () => {
  const t = '一名俄罗斯高级消息人士告诉记者：“这份草案很难被接受。”'
  const q = run(t, [country(t, '俄罗斯', 'Russia')])
  assert.equal(q[0]!.speaker?.anonymous, true)
  assert.equal(q[0]!.speaker?.country, 'Russia')
  assert.equal(q[0]!.speaker?.descriptor, '一名俄罗斯高级消息人士')
})

test('a speaker after the quote, and a pronoun that follows a named speaker', () => {
  const t = '“会谈非常坦率。”外交部长安娜说。她也表示，双方“必须继续接触”。'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria')])
  assert.deepEqual(q.map((x) => [x.text, x.speaker?.name]), [['会谈非常坦率。', 'Anna Example'], ['必须继续接触', 'Anna Example']])
})

test('labels in quotation marks are not quotes', () => {
  const t = '所谓的“第二轨道”接触和“北约威胁”论都不是新话题，各方对“和平方案”的支持有限，“今天”也一样。'
  const spans = findQuoteSpans(t)
  assert.equal(spans.length, 4)
  assert.deepEqual(spans.map((s) => looksLikeLabel(t, s)), [true, true, true, false])
  // A quoted predicate before 的 is somebody's words, not a name.
  const p = '部长表示，这是“不切实际”的目标。'
  assert.equal(looksLikeLabel(p, findQuoteSpans(p)[0]!), false)
  assert.deepEqual(run(t, []), [], 'a short phrase nobody is said to have said is dropped')
})

test('several quotes after one verb share its speaker; a quote never spans a line break', () => {
  const t = '部长说，本国对合作“一向抱有诚意”，只是“眼下时机未到”。\n“未闭合的引号\n第二段。'
  const q = run(t, [person(t, '部长', 'Minister Example', 'Sweden')])
  assert.deepEqual(q.map((x) => x.speaker?.name), ['Minister Example', 'Minister Example'])
})

test('a quote hung on a name without a verb: after a colon, right after the name, or after 他 of the current speaker', () => {
  const t = '部长安娜在记者会上谈及谈判安排：“我们将主要通过电话沟通。”\n安娜说，双方讨论了很多问题。他“相信会谈会有成果”，“这场冲突必须尽快结束”。'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria'), person(t, '安娜', 'Anna Example', 'Austria', 20)])
  assert.deepEqual(q.map((x) => [x.text, x.speaker?.name, x.ruleId]), [
    ['我们将主要通过电话沟通。', 'Anna Example', 'quote.adjacent'],
    ['相信会谈会有成果', 'Anna Example', 'quote.adjacent'],
    ['这场冲突必须尽快结束', 'Anna Example', 'quote.run'],
  ])
})

// Speakers named before a run of quotes (issue 7): the sentences are written for these tests.
const corefOf = (text: string, surface: string, name: string, from = 0): Mention => ({ ...person(text, surface, name, 'Austria', from), how: 'coref' })

test('a paragraph that opens with a quote continues the speaker of the paragraph before, across a chrome line, but no further', () => {
  const t = '外交部长安娜周二在维也纳表示，双方已经讨论了停火的具体安排。\n请继续阅读\n“我们希望各方尽快回到谈判桌前来。”\n这一轮会谈的地点尚未最终确定，时间也还没有公布。\n“所有问题都可以通过对话解决的。”'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria')])
  assert.deepEqual(q.map((x) => [x.text.slice(0, 6), x.speaker?.name ?? null, x.ruleId]), [
    ['我们希望各方', 'Anna Example', 'quote.run-paragraph'],
    ['所有问题都可', null, 'quote.unattributed'],
  ])
})

test('a pronoun at the start of the next paragraph points back at the speaker named in the paragraph before', () => {
  const t = '在日内瓦，联合国特使安娜呼吁双方遵守已经达成的停火安排。\n她说，“我们必须不惜一切代价避免战火重燃。”'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria')])
  assert.equal(q[0]!.speaker?.name, 'Anna Example')
})

test('a line that is only a name heads the quotes under it', () => {
  const t = '各国领导人纷纷作出回应：\n●奥地利外交部长安娜(Anna Example)\n“我们欢迎双方宣布停火的决定，这是重要的一步。”\n●瑞典首相彼得(Peter Example)\n“停火必须得到遵守，各方都应保持克制。”'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria'), person(t, '彼得', 'Peter Example', 'Sweden')])
  assert.deepEqual(q.map((x) => x.speaker?.name), ['Anna Example', 'Peter Example'])
})

test('a reporting verb with no subject in its clause shares the subject of the verb before it', () => {
  const t = '安娜称双方同意交换战俘，释放所有被俄罗斯关押的人员，但同时提到：“细节仍需进一步讨论。”'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria'), country(t, '俄罗斯', 'Russia')])
  assert.equal(q[0]!.speaker?.name, 'Anna Example')
})

test('the named subject speaks, not a role noun or a name that is the object before the quote', () => {
  const t = '奥地利外长安娜在会见瑞典首相后表示，她“对会谈结果感到满意”。她还感谢彼得“为和平所做的努力”。'
  const ms = [person(t, '安娜', 'Anna Example', 'Austria'), corefOf(t, '瑞典首相', 'Peter Example'), person(t, '彼得', 'Peter Example', 'Sweden')]
  const q = run(t, ms)
  assert.deepEqual(q.map((x) => x.speaker?.name), ['Anna Example', 'Anna Example'])
})

test('a quote in a sentence with no reporting verb and nobody named goes on with the speaker before it; 问 introduces a question', () => {
  const t = '安娜表示，这次会谈“很有成果”。计划中对本国不利的条款都已删除，“这是我们昨天的胜利。”\n主持人彼得问安娜：“您认为和平还有希望吗？”'
  const q = run(t, [person(t, '安娜', 'Anna Example', 'Austria'), person(t, '彼得', 'Peter Example', 'Sweden'), person(t, '安娜', 'Anna Example', 'Austria', 40)])
  assert.deepEqual(q.map((x) => x.speaker?.name), ['Anna Example', 'Anna Example', 'Peter Example'])
})
