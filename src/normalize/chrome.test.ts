import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stripChrome } from './chrome.js'
import { readTsv } from '../lexicon/load.js'

test('chrome.tsv is sorted and unique', () => {
  const keys = readTsv('chrome.tsv').rows.map((r) => `${r.kind}\t${r.match}\t${r.text}`)
  assert.deepEqual(keys, [...new Set(keys)].sort())
})

test('a tail rule in a top navigation bar does not cut the article', () => {
  const lines = ['发表评论', '标题', '正文第一段，内容很长很长很长很长很长很长很长很长很长很长。', '正文第二段。']
  assert.deepEqual(stripChrome(lines), ['标题', '正文第一段，内容很长很长很长很长很长很长很长很长很长很长。', '正文第二段。'])
})

test('symbol-only lines are dropped, text lines kept', () => {
  assert.deepEqual(stripChrome(['正文。', '?', '——', '结束。']), ['正文。', '结束。'])
})
