import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractWikiText, parseCitation } from './wiki.js'
import { readTsv } from '../lexicon/load.js'

const copy = [
  '跳转到内容',
  '',
  '某國外長會談',
  '',
  '维基百科，自由的百科全书',
  '',
  '2025年3月，兩國外長在日內瓦會談[1]。會談持續兩小時[2][3]。',
  '',
  '背景',
  '',
  '[编辑]',
  '',
  '此前雙方曾多次通話[來源請求]。',
  '',
  '參考文獻',
  '',
  '[编辑]',
  '  1. ^ 1.0 1.1 Doe, Jane. Ministers meet in Geneva. Example Times. 2025-03-11 [2025-03-12]. (原始内容存档于2025-03-12) (英语). ',
  '  2. ^ Talks last two hours. Example Wire. [2025-03-12] (俄语). ',
  '  3. ^ A long title that the copy',
  '     wrapped onto a second line. 2025-03-10 (中文).',
].join('\n')

test('the title is the line above the tagline; furniture and markers are gone', () => {
  const r = extractWikiText(copy)
  assert.equal(r.title, '某國外長會談')
  assert.equal(r.text, '2025年3月，兩國外長在日內瓦會談。會談持續兩小時。\n\n背景\n\n此前雙方曾多次通話。')
})

test('the reference list becomes structured sources, not text', () => {
  const { references, text } = extractWikiText(copy)
  assert.doesNotMatch(text, /Example Times|參考文獻/)
  assert.equal(references.length, 3)
  assert.deepEqual(
    { ...references[0], raw: undefined },
    { n: 1, outlet: 'Example Times', title: 'Ministers meet in Geneva', date: '2025-03-11', accessed: '2025-03-12', language: 'en', url: null, raw: undefined },
  )
  assert.equal(references[1]!.outlet, 'Example Wire')
  assert.equal(references[1]!.language, 'ru')
  assert.equal(references[2]!.title, 'A long title that the copy wrapped onto a second line')
  assert.equal(references[2]!.date, '2025-03-10')
})

test('authors with initials are not taken for the title; ISSNs are dropped', () => {
  const r = parseCitation(5, 'News, A. B. C. Leaders speak by phone. Example News. [2025-02-13]. 0261-3077 (英国英语).')
  assert.equal(r.title, 'Leaders speak by phone')
  assert.equal(r.outlet, 'Example News')
  assert.equal(r.language, 'en-GB')
})

test('languages.tsv is sorted and unique', () => {
  const names = readTsv('languages.tsv').rows.map((r) => r.name!)
  assert.deepEqual(names, [...new Set(names)].sort())
})
