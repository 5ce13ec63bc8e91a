import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectScript, scriptCounts } from './script.js'

test('simplified and traditional paragraphs are told apart', () => {
  assert.equal(detectScript('两国外长将于下周在日内瓦会面，讨论恢复贸易往来。'), 'simplified')
  assert.equal(detectScript('美國與俄羅斯高層官員將在沙地阿拉伯首都會談，旨在重啟兩國關係。'), 'traditional')
})

test('a traditional article keeps its script despite a simplified site tagline', () => {
  const text = '维基百科，自由的百科全书\n兩國領導人舉行視訊會議，討論邊境安全與貿易合作。會議歷時兩個鐘頭，氣氛融洽。'
  const c = scriptCounts(text)
  assert.ok(c.simplified > 0 && c.traditional > c.simplified)
  assert.equal(detectScript(text), 'traditional')
})

test('text with no distinctive characters is unknown', () => {
  assert.equal(detectScript('Talks in Riyadh, 18 February 2025.'), 'unknown')
  assert.equal(detectScript('中文'), 'unknown')
})
