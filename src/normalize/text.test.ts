import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractPlainText, joinBrokenLines } from './text.js'
import type { Published } from '../core/index.js'

// A stand-in dateline reader for these tests: recognises "2025年3月12日".
const reader = (lines: string[]): Published[] =>
  lines.flatMap((l) => {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(l)
    return m ? [{ at: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, precision: 'day' as const, source: 'text-pattern' as const, raw: m[0] }] : []
  })

const article = [
  '外长会晤照片',
  '',
  '两国外长在日内瓦会晤 同意继续磋商',
  '2025年3月12日',
  '',
  '两国外长11日在日内瓦举行会晤，就停火安排交换了意见，会晤持续约两个小时，双方同意下周继续磋商。',
  '一名知情人士说，分歧主要在于监督机制。',
  '',
  'Add a Comment',
  '您的邮箱地址不会被公开。',
  'Translate »',
].join('\n')

test('the headline is the longest line of the opening block; captions above it go', () => {
  const r = extractPlainText(article, reader)
  assert.equal(r.title, '两国外长在日内瓦会晤 同意继续磋商')
  assert.doesNotMatch(r.text, /外长会晤照片/)
})

test('a dateline under the headline is read as a date and kept out of the text', () => {
  const r = extractPlainText(article, reader)
  assert.deepEqual(r.dates.map((d) => d.at), ['2025-03-12'])
  assert.doesNotMatch(r.text, /^2025年/)
})

test('comment forms and share footers at the end are removed, paragraphs kept', () => {
  const r = extractPlainText(article, reader)
  assert.equal(r.text.split('\n\n').length, 2)
  assert.doesNotMatch(r.text, /Add a Comment|邮箱|Translate/)
})

test('a date mentioned deep in the body is not a dateline', () => {
  const r = extractPlainText('标题在这里\n\n上一次两国元首会晤是在2021年6月。\n2022年2月12日，两人曾通话。', reader)
  assert.deepEqual(r.dates, [])
})

test('a sentence broken across two lines is joined; a short heading is not', () => {
  assert.deepEqual(
    joinBrokenLines(['退休外交官评论说，这番讲话关闭了该国加入联盟的大门，给对方传递了清', '楚讯息，预示政策转向。', '政策出现调整', '分析人士认为局势复杂。']),
    ['退休外交官评论说，这番讲话关闭了该国加入联盟的大门，给对方传递了清楚讯息，预示政策转向。', '政策出现调整', '分析人士认为局势复杂。'],
  )
})
