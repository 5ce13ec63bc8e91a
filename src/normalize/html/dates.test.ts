// Each date source on a small invented page, and the rule that a date mentioned in the body is what the
// article is about, not when it was published.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { extractHtml } from './index.js'

const BODY = `<p>${'这是一段足够长的正文，讲述了会谈的经过和各方的表态。'.repeat(6)}</p><p>${'第二段正文继续说明，双方同意保持接触并安排下一轮会谈。'.repeat(5)}</p>`

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>美俄会谈在即_国际_某某网</title>${head}</head><body>
    <div class="nav"><a href="/">首页</a> <a href="/gj">国际</a></div>
    <div class="article"><h1>美俄会谈在即</h1>${body}</div>
    <div class="footer">版权所有 © 2025 某某网</div></body></html>`
}

test('meta tag: article:published_time, with its zone turned into UTC', () => {
  const out = extractHtml(page('<meta property="article:published_time" content="2025-02-18T15:27:00+08:00">', BODY))
  assert.deepEqual(out.dates[0], { at: '2025-02-18T07:27Z', precision: 'minute', source: 'meta-tag', raw: '2025-02-18T15:27:00+08:00' })
})

test('meta tag: the PubDate / publishdate family is read whatever its case', () => {
  const out = extractHtml(page('<meta name="PubDate" content="2019-09-05">', BODY))
  assert.equal(out.dates[0]?.at, '2019-09-05')
  assert.equal(out.dates[0]?.source, 'meta-tag')
})

test('JSON-LD: datePublished, inside an @graph', () => {
  const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-01-25T18:26:00Z"}]}</script>'
  const out = extractHtml(page(ld, BODY))
  assert.equal(out.dates[0]?.at, '2024-01-25T18:26Z')
  assert.equal(out.dates[0]?.source, 'json-ld')
})

test('time element: <time datetime> in the article header', () => {
  const out = extractHtml(page('', `<time datetime="2022-02-06T13:48:00+01:00">2月6日</time>${BODY}`))
  assert.equal(out.dates[0]?.at, '2022-02-06T12:48Z')
  assert.equal(out.dates[0]?.source, 'time-element')
})

test('text pattern: 发布时间 in the byline under the title, local time without Z', () => {
  const out = extractHtml(page('', `<div class="info">发布时间：2025年02月18日08:05 来源：新华社</div>${BODY}`))
  assert.equal(out.dates[0]?.at, '2025-02-18T08:05')
  assert.equal(out.dates[0]?.source, 'text-pattern')
  assert.ok(!out.text.includes('发布时间'), 'the byline is not part of the text')
})

test('text pattern: a byline day refines a meta tag that gives only the same day', () => {
  const out = extractHtml(page('<meta name="publishdate" content="2005-05-07">', `<p>2005-5-7 21:23:57 来源：某某报</p>${BODY}`))
  assert.equal(out.dates[0]?.at, '2005-05-07T21:23')
})

test('a historical date in the body is not the publication date', () => {
  const body = `<p>一九八九年的春天，${'我在湖南开会。'.repeat(5)}1989年4月15日那一天，我们得知了消息，${'会议照常进行。'.repeat(8)}</p><p>2003年5月29日，${'他再次来到这里，回忆往事。'.repeat(8)}</p>${BODY}`
  const out = extractHtml(page('', body))
  assert.deepEqual(out.dates, [], 'no byline, no meta: no date, rather than a date from the story')
  const withByline = extractHtml(page('', `<p>作者：茉莉 发表于：2005-07-03</p>${body}`))
  assert.equal(withByline.dates[0]?.at, '2005-07-03')
  assert.ok(!withByline.dates.some((d) => d.at?.startsWith('2003')), 'the 2003 date of the story is not a candidate')
})

test('a dateline at the very bottom of the article counts; a date inside a sentence there does not', () => {
  const out = extractHtml(page('', `${BODY}<p>《光明日报》（ 2022年02月13日 02版）</p>`))
  assert.equal(out.dates[0]?.at, '2022-02-13')
  const prose = extractHtml(page('', `${BODY}<p>此前，双方已于2022年1月10日在日内瓦举行过一轮会谈，但没有取得实质进展。</p>`))
  assert.deepEqual(prose.dates, [])
})
