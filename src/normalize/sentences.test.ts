import { test } from 'node:test'
import assert from 'node:assert/strict'
import { splitSentences } from './sentences.js'

const cut = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end))

test('splits on Chinese full stops and keeps closing marks with the sentence', () => {
  assert.deepEqual(cut('双方同意停火。乌方表示欢迎！俄方呢？'), ['双方同意停火。', '乌方表示欢迎！', '俄方呢？'])
})

test('a quotation stays whole, whatever punctuation it holds', () => {
  const t = '发言人说：“我们愿意谈判。但条件必须公平！”随后他离开了会场。'
  assert.deepEqual(cut(t), ['发言人说：“我们愿意谈判。但条件必须公平！”', '随后他离开了会场。'])
  assert.deepEqual(cut('他说：“我们愿意，”但没有说条件。'), ['他说：“我们愿意，”但没有说条件。'])
  assert.deepEqual(cut('他表示：「會談非常順利。」外長隨後離開。'), ['他表示：「會談非常順利。」', '外長隨後離開。'])
})

test('line breaks end sentences; decimals and abbreviations with no space do not', () => {
  assert.deepEqual(cut('会谈历时4.5小时\n第二段。'), ['会谈历时4.5小时', '第二段。'])
  assert.deepEqual(cut('Talks lasted 4.5 hours. Then they left.'), ['Talks lasted 4.5 hours.', 'Then they left.'])
})

test('an unbalanced quote mark does not swallow the rest of the text', () => {
  const t = '他说“' + '很长的话'.repeat(120) + '。后面一句。'
  assert.ok(cut(t).length >= 2)
})

test('spans are trimmed and point into the text', () => {
  const t = '  第一句。  第二句。  '
  for (const s of splitSentences(t)) assert.doesNotMatch(t.slice(s.start, s.end), /^\s|\s$/)
})
