import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pickTitle, stripSiteSuffix } from './title.js'

test('stripSiteSuffix: the site and channel suffixes of Chinese portals go', () => {
  assert.equal(stripSiteSuffix('DeepMind新电脑已可利用记忆自学_科技_腾讯网'), 'DeepMind新电脑已可利用记忆自学')
  assert.equal(stripSiteSuffix('美乌停火30天草案-新浪新闻'), '美乌停火30天草案')
  assert.equal(stripSiteSuffix('宇航员在太空中喝酒会怎么样 | 光明网'), '宇航员在太空中喝酒会怎么样')
  assert.equal(stripSiteSuffix('习近平会见美国国务卿—新华网'), '习近平会见美国国务卿')
  assert.equal(stripSiteSuffix('谁来为无序拆房“埋单”？--bjreader的博客'), '谁来为无序拆房“埋单”？')
  assert.equal(stripSiteSuffix('论文 - 学术前沿 - 三校社会学论坛 - powered by Discuz! Archiver'), '论文')
})

test('stripSiteSuffix: hyphens inside words and middle dots in names are not separators', () => {
  assert.equal(stripSiteSuffix('COVID-19疫情最新进展_新浪网'), 'COVID-19疫情最新进展')
  assert.equal(stripSiteSuffix('国务卿马尔科·卢比奥抵达利雅得'), '国务卿马尔科·卢比奥抵达利雅得')
})

test('stripSiteSuffix: never returns just the site name', () => {
  assert.equal(stripSiteSuffix('北医新闻网_(新闻)'), null)
  assert.equal(stripSiteSuffix('新浪网', ['新浪网']), null)
})

test('pickTitle: a heading that starts the <title> wins, even when the title itself holds a separator', () => {
  const title = pickTitle({
    title: '新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::',
    ogTitle: null,
    headings: ['痞客邦 PIXNET', '新竹尖石_美樹營地賞楓 (2)'],
    h1Count: 1,
    siteName: null,
  })
  assert.equal(title, '新竹尖石_美樹營地賞楓 (2)')
})

test('pickTitle: a column name heading is not the title; the logo heading is the site', () => {
  const title = pickTitle({ title: '图说洛阳| 洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年 河南日报网', ogTitle: null, headings: ['图说洛阳'], h1Count: 0, siteName: null })
  assert.notEqual(title, '图说洛阳')
  const blog = pickTitle({ title: null, ogTitle: null, headings: ['bjreader的博客'], h1Count: 1, siteName: null })
  assert.equal(blog, null)
})
