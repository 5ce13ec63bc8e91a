import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extract } from '../index.js'
import { splitSentences } from '../../normalize/sentences.js'
import type { Document } from '../../core/index.js'

function doc(text: string): Document {
  return {
    id: 'd', origin: 'x', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 't',
    published: { at: '2025-04-16', precision: 'day', source: 'user', raw: null }, script: 'simplified', text, sentences: splitSentences(text), references: [], encoding: 'utf-8',
  }
}

test('a visit word that abbreviates its destination (访美, 访华) goes there', () => {
  const visits = (text: string, disabled: string[] = []) => extract(doc(text), { disabled }).events.filter((e) => e.type === 'visit')
  assert.deepEqual(visits('中国外长王毅15日访美，并与美方会谈。').map((e) => e.location?.name), ['United States'])
  assert.deepEqual(visits('中国外长王毅15日访俄。').map((e) => e.location?.name), ['Russia'])
  assert.deepEqual(visits('中国外长王毅15日访美，并与美方会谈。', ['parts.visit-abbreviation']).map((e) => e.location?.name ?? null), [null])
})
