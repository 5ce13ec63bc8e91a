import { test } from 'node:test'
import assert from 'node:assert/strict'
import { storyDay } from './dateline.js'
import type { Published } from '../../core/index.js'

const pub = (at: string): Published => ({ at, precision: 'day', source: 'sidecar', raw: null })

test("an agency dateline's day is the story's day when the paper prints it a day or two later", () => {
  assert.equal(storyDay('（法新社曼谷12日电） 美国总统今天表示', pub('2025-12-13'))?.at, '2025-12-12')
  assert.equal(storyDay('新华社华盛顿2月28日电 美国总统说', pub('2025-03-01'))?.at, '2025-02-28')
  assert.equal(storyDay('中央社記者台北三十日電 外交部表示', pub('2025-07-01'))?.at, '2025-06-30')
  // The same day: nothing changes, but the day is still the dateline's.
  assert.equal(storyDay('中评社北京8月18日电 消息人士说', pub('2025-08-18'))?.at, '2025-08-18')
})

test('no dateline, a dateline far from publication, or no publication date: nothing', () => {
  assert.equal(storyDay('美国总统12日表示，他将访问中东。', pub('2025-12-13')), null)
  assert.equal(storyDay('（法新社曼谷2日电） 美国总统今天表示', pub('2025-12-13')), null)
  assert.equal(storyDay('（法新社曼谷12日电）', { at: null, precision: 'unknown', source: 'none', raw: null }), null)
  // Past the opening, a 电 is another story's, quoted.
  assert.equal(storyDay('外长说'.repeat(60) + '新华社北京12日电', pub('2025-12-13')), null)
})

test('extract dates a present-tense report by its dateline, and its 今天 too', async () => {
  const { extract } = await import('../index.js')
  const { splitSentences } = await import('../../normalize/sentences.js')
  const text = '（法新社曼谷12日电） 泰国和柬埔寨今天在吉隆坡举行会谈。美国总统特朗普与泰国总理通电话。'
  const doc = {
    id: 'd', origin: 'x', part: null, format: 'text' as const, url: null, outlet: null, lang: 'zh', title: 't',
    published: pub('2025-12-13'), script: 'simplified' as const, text, sentences: splitSentences(text), references: [], encoding: 'utf-8',
  }
  const dates = extract(doc).events.filter((e) => e.type === 'meeting' || e.type === 'call').map((e) => `${e.type} ${e.date}`)
  assert.deepEqual(dates.sort(), ['call 2025-12-12', 'meeting 2025-12-12'])
  const off = extract(doc, { disabled: ['date.dateline-day'] }).events.filter((e) => e.type === 'call').map((e) => e.date)
  assert.deepEqual(off, ['2025-12-13'])
})
