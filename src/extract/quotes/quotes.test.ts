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
