import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchingView, foldWidth, matchingForm } from './matching.js'

test('traditional, Taiwan and Hong Kong spellings fold to simplified', () => {
  assert.equal(matchingForm('烏克蘭總統澤倫斯基與川普通話'), '乌克兰总统泽伦斯基与川普通话')
  assert.equal(matchingForm('國務卿魯比奧'), '国务卿鲁比奥')
  // Hong Kong variant 綫 and Taiwan variant 裡 both reach the mainland forms.
  assert.equal(matchingForm('前綫'), '前线')
  assert.equal(matchingForm('會議裡'), '会议里')
})

test('full-width forms fold to half-width, one character for one', () => {
  assert.equal(foldWidth('ＮＡＴＯ，１８％！（注）'), 'NATO,18%!(注)')
  assert.equal(foldWidth('a\u3000b'), 'a b')
  assert.equal(foldWidth('當勞‧特朗普 唐納德•川普 ジョン・スミス'), '當勞·特朗普 唐納德·川普 ジョン·スミス')
})

test('the view keeps every index: a span found in the view is the same span in the original', () => {
  const original = '兩國代表團在日內瓦會面。\n祖·拜登執政時期，美國政府堅持立場。乾隆年間，天氣乾燥 𠀋 ＵＳＡ'
  const view = matchingView(original)
  assert.equal(view.text.length, original.length)
  const at = view.text.indexOf('日内瓦会面')
  assert.ok(at > 0)
  assert.equal(original.slice(view.toOriginal(at), view.toOriginal(at + 5)), '日內瓦會面')
  // A character outside the BMP stays put and does not shift what follows.
  assert.equal(view.text.slice(view.text.indexOf('𠀋')), '𠀋 USA')
})

test('simplified text passes through unchanged', () => {
  const s = '外交部长14日与邻国外长通了电话，两人约定“保持沟通”。'
  assert.equal(matchingView(s).text, s.replace('，', ','))
})
