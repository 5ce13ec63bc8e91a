import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectScript, scriptCounts } from './script.js'

test('simplified and traditional paragraphs are told apart', () => {
  assert.equal(detectScript('美国与俄罗斯高层官员将在沙特阿拉伯首都会谈，旨在重启两国关系。'), 'simplified')
  assert.equal(detectScript('美國與俄羅斯高層官員將在沙地阿拉伯首都會談，旨在重啟兩國關係。'), 'traditional')
})

test('a traditional article keeps its script despite a simplified site tagline', () => {
  const text = '维基百科，自由的百科全书\n美國總統與俄羅斯總統進行電話會談，雙方同意啟動談判，以結束烏克蘭戰爭。這次通話持續約九十分鐘。'
  const c = scriptCounts(text)
  assert.ok(c.simplified > 0 && c.traditional > c.simplified)
  assert.equal(detectScript(text), 'traditional')
})

test('text with no distinctive characters is unknown', () => {
  assert.equal(detectScript('Talks in Riyadh, 18 February 2025.'), 'unknown')
  assert.equal(detectScript('中文'), 'unknown')
})
