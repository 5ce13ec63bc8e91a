import { test } from 'node:test'
import assert from 'node:assert/strict'
import { RawDocument } from '../core/document.js'
import { detectFeed, parseFeedDate, readFeed, type FeedRead } from './feed.js'

// Small invented feeds: the shapes Chinese news sites publish, not copies of any real feed.
const RSS = `<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>示例新闻网</title>
  <link>https://news.example.cn/</link>
  <language>zh-cn</language>
  <item>
    <title>外长举行会谈</title>
    <link>/world/2025/0218/001.html</link>
    <guid isPermaLink="false">news-001</guid>
    <description>摘要：双方就地区局势交换意见。</description>
    <content:encoded><![CDATA[<p>双方就地区局势<b>深入</b>交换意见。</p>]]></content:encoded>
    <pubDate>Tue, 18 Feb 2025 07:27:23 GMT</pubDate>
    <dc:date>2025-02-18T15:30:00+08:00</dc:date>
  </item>
  <item>
    <title>只有标题的条目</title>
  </item>
  <item>
    <link>https://news.example.cn/world/002.html</link>
    <pubDate>星期二</pubDate>
  </item>
</channel>
</rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-TW">
  <title type="html">示例 &amp;amp; 新聞</title>
  <link rel="self" href="https://tw.example.org/feed.atom"/>
  <link rel="alternate" type="text/html" href="https://tw.example.org/news/"/>
  <id>urn:example:feed</id>
  <updated>2025-02-18T08:00:00Z</updated>
  <entry xml:lang="zh-HK">
    <title>停火協議草案</title>
    <link rel="alternate" href="2025/02/ceasefire.html"/>
    <id>urn:example:1</id>
    <published>2025-02-18T15:27:00+08:00</published>
    <updated>2025-02-19T09:00:00+08:00</updated>
    <summary>簡短摘要</summary>
    <content type="html">&lt;p&gt;這是我們的報道全文。&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>第二篇</title>
    <link href="https://tw.example.org/other/2.html"/>
    <id>urn:example:2</id>
    <updated>2025-02-17</updated>
    <summary>只有摘要。</summary>
  </entry>
</feed>`

const JSONFEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: '示例 JSON',
  home_page_url: 'https://json.example.com/',
  language: 'zh-CN',
  items: [
    { id: 'j1', url: 'posts/1', title: '纯文本条目', content_text: '第一段。\n\n第二段。', date_published: '2025-02-18T07:27:23Z' },
    { id: 'j2', url: 'https://json.example.com/posts/2', content_html: '<p>HTML 内容</p>', summary: '摘要' },
  ],
})

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF 示例</title>
    <link>https://rdf.example.net/</link>
    <dc:language>zh</dc:language>
  </channel>
  <item rdf:about="https://rdf.example.net/a/1">
    <title>RDF 条目</title>
    <link>https://rdf.example.net/a/1</link>
    <description>RDF 正文</description>
    <dc:date>2025-02-18</dc:date>
  </item>
</rdf:RDF>`

const ctx = (origin: string) => ({ origin, bytes: new Uint8Array([1, 2, 3]), encoding: 'utf-8', encodingSource: 'default' as const })

function read(text: string, origin = 'feed.xml'): FeedRead {
  const r = readFeed(text, ctx(origin))
  if (!r.ok) assert.fail(r.error.message)
  for (const item of r.value.items) assert.ok(RawDocument.safeParse(item).success, 'every item fits the RawDocument schema')
  return r.value
}

test('detectFeed looks past BOM, comments, PIs and doctype at the root', () => {
  assert.equal(detectFeed(RSS), 'rss')
  assert.equal(detectFeed(ATOM), 'atom')
  assert.equal(detectFeed(RDF), 'rdf')
  assert.equal(detectFeed(`\uFEFF  ${JSONFEED}`), 'jsonfeed')
  assert.equal(detectFeed('{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","ti'), 'jsonfeed', 'a prefix with an escaped version URL')
  assert.equal(detectFeed('<!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="0.91"></rss>'), 'rss')
  assert.equal(detectFeed('<!DOCTYPE html><html><body><rss></rss></body></html>'), null)
  assert.equal(detectFeed('{"title": "not a feed"}'), null)
  assert.equal(detectFeed('just text'), null)
})

test('RSS: content:encoded wins, links resolve against the channel link, dates are UTC', () => {
  const r = read(RSS)
  const [first] = r.items
  assert.ok(first)
  assert.equal(first.format, 'rss')
  assert.equal(first.part, 'news-001')
  assert.equal(first.title, '外长举行会谈')
  assert.equal(first.url, 'https://news.example.cn/world/2025/0218/001.html')
  assert.equal(first.body, '<p>双方就地区局势<b>深入</b>交换意见。</p>')
  assert.equal(first.bodyKind, 'html')
  assert.equal(first.outlet, '示例新闻网')
  assert.equal(first.lang, 'zh-cn')
  assert.deepEqual(first.dates.map((d) => d.at), ['2025-02-18T07:27Z', '2025-02-18T07:30Z'])
  assert.equal(first.origin, 'feed.xml')
  assert.deepEqual([...first.bytes], [1, 2, 3])
})

test('RSS: an item missing everything is dropped with a warning naming it; a link-only item stays', () => {
  const r = read(RSS)
  assert.equal(r.items.length, 2)
  assert.ok(r.warnings.some((w) => w.includes('item 2') && w.includes('只有标题的条目')), r.warnings.join('; '))
  const third = r.items[1]
  assert.equal(third?.part, 'https://news.example.cn/world/002.html')
  assert.deepEqual(third?.dates, [])
  assert.ok(r.warnings.some((w) => w.includes('item 3') && w.includes('星期二')), 'unreadable date reported')
})

test('Atom: relative links resolve against the feed link, xml:lang is inherited or overridden', () => {
  const r = read(ATOM)
  const [a, b] = r.items
  assert.equal(a?.url, 'https://tw.example.org/news/2025/02/ceasefire.html')
  assert.equal(a?.lang, 'zh-HK')
  assert.equal(b?.lang, 'zh-TW')
  assert.equal(a?.outlet, '示例 & 新聞')
  assert.equal(a?.body, '<p>這是我們的報道全文。</p>')
  assert.equal(b?.body, '只有摘要。')
  assert.deepEqual(a?.dates.map((d) => d.at), ['2025-02-18T07:27Z', '2025-02-19T01:00Z'])
  assert.deepEqual(b?.dates.map((d) => [d.at, d.precision]), [['2025-02-17', 'day']])
})

test('Atom: xml:base on an entry wins over the feed link', () => {
  const feed = ATOM.replace('<entry xml:lang="zh-HK">', '<entry xml:lang="zh-HK" xml:base="https://cdn.example.org/base/">')
  assert.equal(read(feed).items[0]?.url, 'https://cdn.example.org/base/2025/02/ceasefire.html')
})

test('JSON Feed: content_text is text, content_html is html, relative urls resolve', () => {
  const r = read(JSONFEED, 'https://json.example.com/feed.json')
  const [t, h] = r.items
  assert.deepEqual([t?.format, t?.bodyKind, t?.body], ['jsonfeed', 'text', '第一段。\n\n第二段。'])
  assert.equal(t?.url, 'https://json.example.com/posts/1')
  assert.equal(t?.dates[0]?.at, '2025-02-18T07:27Z')
  assert.deepEqual([h?.bodyKind, h?.body, h?.lang, h?.outlet], ['html', '<p>HTML 内容</p>', 'zh-CN', '示例 JSON'])
})

test('RDF: items, dc:date and dc:language', () => {
  const r = read(RDF)
  assert.equal(r.items.length, 1)
  const [i] = r.items
  assert.deepEqual([i?.format, i?.part, i?.title, i?.body, i?.lang], ['rdf', 'https://rdf.example.net/a/1', 'RDF 条目', 'RDF 正文', 'zh'])
  assert.deepEqual(i?.dates.map((d) => [d.at, d.precision]), [['2025-02-18', 'day']])
})

test('a feed with no items is ok with a "no items" warning', () => {
  const r = read('<rss version="2.0"><channel><title>空</title></channel></rss>')
  assert.deepEqual(r, { items: [], warnings: ['no items'] })
})

test('lenient: items without a <channel>, and a feed cut off after its last item', () => {
  const bare = read('<rss><item><title>t</title><link>https://a.example/1</link></item></rss>')
  assert.equal(bare.items[0]?.url, 'https://a.example/1')
  const cut = read('<rss version="2.0"><channel><item><link>https://a.example/1</link></item><item><title>半')
  assert.equal(cut.items.length, 1)
  assert.ok(cut.warnings.some((w) => w.includes('ill-formed')))
})

test('not a feed, or unparseable JSON, is an error naming the origin', () => {
  const html = readFeed('<html><body>hi</body></html>', ctx('page.html'))
  assert.equal(html.ok, false)
  if (!html.ok) assert.match(html.error.message, /^ingest: page\.html: not a feed/)
  const json = readFeed('{"version": "https://jsonfeed.org/version/1", "items": [', ctx('broken.json'))
  assert.equal(!json.ok && json.error.message.startsWith('ingest: broken.json: not valid JSON'), true)
})

test('parseFeedDate: RFC 822 and W3CDTF with precision', () => {
  assert.deepEqual(parseFeedDate('Tue, 18 Feb 2025 07:27:23 GMT'), {
    at: '2025-02-18T07:27Z',
    precision: 'minute',
    source: 'feed',
    raw: 'Tue, 18 Feb 2025 07:27:23 GMT',
  })
  assert.equal(parseFeedDate('Tue, 18 Feb 2025 15:27:23 +0800')?.at, '2025-02-18T07:27Z')
  assert.equal(parseFeedDate('18 Feb 25 02:27 EST')?.at, '2025-02-18T07:27Z')
  assert.equal(parseFeedDate('Thu, 01 Jan 99 19:48:21 GMT')?.at, '1999-01-01T19:48Z')
  assert.equal(parseFeedDate('Tuesday, 18 February 2025 07:27 UT')?.at, '2025-02-18T07:27Z')
  assert.equal(parseFeedDate('2025-02-18T15:27:23.123+08:00')?.at, '2025-02-18T07:27Z')
  assert.equal(parseFeedDate('2025-02-18T23:59:00-05:00')?.at, '2025-02-19T04:59Z')
  assert.deepEqual([parseFeedDate('2025-02-18 15:27:00')?.at, parseFeedDate('2025-02-18 15:27:00')?.precision], ['2025-02-18T15:27', 'minute'])
  assert.deepEqual([parseFeedDate('2025-02-18')?.at, parseFeedDate('2025-02-18')?.precision], ['2025-02-18', 'day'])
  assert.deepEqual([parseFeedDate('18 Feb 2025')?.at, parseFeedDate('18 Feb 2025')?.precision], ['2025-02-18', 'day'])
  assert.equal(parseFeedDate('2025-02')?.precision, 'month')
  assert.equal(parseFeedDate('2025-02-30'), null)
  assert.equal(parseFeedDate('Tue, 18 Foo 2025 07:27:23 GMT'), null)
  assert.equal(parseFeedDate('昨天'), null)
})
