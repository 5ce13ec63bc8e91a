import { test } from 'node:test'
import assert from 'node:assert/strict'
import iconv from 'iconv-lite'
import { charsetFromContentType, decode, normalizeLabel } from './encoding.js'

// Invented sample sentences, long enough to look like a news paragraph.
const ZH = '外交部发言人在例行记者会上表示，中国愿意同各方一道，为推动和平谈判发挥建设性作用。'
const ZH_TW = '外交部發言人在例行記者會上表示，這是我們對和平談判的一貫立場，國際社會都看到了。'

const bytes = (s: string, charset: string): Uint8Array => new Uint8Array(iconv.encode(s, charset))
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts))

function decoded(b: Uint8Array, httpCharset?: string | null) {
  const r = decode(b, { name: 'page.html', httpCharset })
  if (!r.ok) assert.fail(r.error.message)
  return r.value
}

test('UTF-8 without a BOM is detected', () => {
  const d = decoded(bytes(`<p>${ZH}</p>`, 'utf-8'))
  assert.equal(d.encoding, 'utf-8')
  assert.equal(d.source, 'detected')
  assert.equal(d.text, `<p>${ZH}</p>`)
})

test('a UTF-8 BOM wins and is stripped from the text', () => {
  const d = decoded(concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes(`<?xml version="1.0" encoding="gb2312"?><rss>${ZH}</rss>`, 'utf-8')))
  assert.deepEqual([d.encoding, d.source], ['utf-8', 'bom'])
  assert.ok(d.text.startsWith('<?xml'), 'BOM removed')
  assert.ok(d.text.includes(ZH))
})

test('GBK with <meta charset> is read as gb18030 from the meta tag', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${ZH}</body></html>`
  const d = decoded(bytes(html, 'gbk'))
  assert.deepEqual([d.encoding, d.source], ['gb18030', 'meta'])
  assert.equal(d.text, html)
})

test('GBK with no declaration is detected as gb18030', () => {
  const d = decoded(bytes(`<div>${ZH}</div>`, 'gbk'))
  assert.deepEqual([d.encoding, d.source], ['gb18030', 'detected'])
  assert.ok(d.text.includes('外交部发言人'))
})

test('Big5 with no declaration is detected as big5, not GBK', () => {
  const d = decoded(bytes(`<div>${ZH_TW}</div>`, 'big5'))
  assert.deepEqual([d.encoding, d.source], ['big5', 'detected'])
  assert.ok(d.text.includes('這是我們'))
})

test('a GB2312 declaration over UTF-8 bytes loses to the bytes', () => {
  const d = decoded(bytes(`<?xml version="1.0" encoding="gb2312"?><rss><title>${ZH}</title></rss>`, 'utf-8'))
  assert.deepEqual([d.encoding, d.source], ['utf-8', 'detected'])
  assert.ok(d.text.includes(ZH))
})

test('a latin1 declaration over GBK bytes yields to the Chinese reading', () => {
  const d = decoded(bytes(`<meta charset="iso-8859-1"><p>${ZH}</p>`, 'gbk'))
  assert.equal(d.encoding, 'gb18030')
  assert.ok(d.text.includes(ZH))
})

test('an HTTP charset overrides the XML declaration, and a wrong one falls through to it', () => {
  const xml = `<?xml version="1.0" encoding="iso-8859-1"?><rss><title>${ZH}</title></rss>`
  const d = decoded(bytes(xml, 'gbk'), 'gbk')
  assert.deepEqual([d.encoding, d.source], ['gb18030', 'http'])
  assert.equal(d.text, xml)
  const gbDeclared = `<?xml version="1.0" encoding="gb2312"?><rss><title>${ZH}</title></rss>`
  const e = decoded(bytes(gbDeclared, 'gbk'), 'utf-8')
  assert.deepEqual([e.encoding, e.source], ['gb18030', 'xml-declaration'])
})

test('windows-1252 maps 0x93/0x94 to curly quotes (not C1 controls)', () => {
  const d = decoded(new Uint8Array([0x3c, 0x70, 0x3e, 0xa3, 0x93, 0x61, 0x94]), 'windows-1252')
  assert.equal(d.text, '<p>£“a”')
})

test('UTF-16 with a BOM, and UTF-16BE without one', () => {
  const le = concat(new Uint8Array([0xff, 0xfe]), bytes(`<rss>${ZH}</rss>`, 'utf-16le'))
  const d = decoded(le)
  assert.deepEqual([d.encoding, d.source, d.text], ['utf-16le', 'bom', `<rss>${ZH}</rss>`])
  const be = decoded(bytes(`<rss>${ZH}</rss>`, 'utf-16be'))
  assert.deepEqual([be.encoding, be.text], ['utf-16be', `<rss>${ZH}</rss>`])
})

test('pure ASCII is utf-8 by default; a declared charset is kept when it fits', () => {
  const d = decoded(bytes('<rss version="2.0"></rss>', 'ascii'))
  assert.deepEqual([d.encoding, d.source], ['utf-8', 'default'])
  const g = decoded(bytes('<?xml version="1.0" encoding="gb2312"?><rss></rss>', 'ascii'))
  assert.deepEqual([g.encoding, g.source], ['gb18030', 'xml-declaration'])
})

test('a UTF-8 page cut inside its last character still decodes', () => {
  const whole = bytes(`<p>${ZH}</p>${ZH}`, 'utf-8')
  const d = decoded(whole.subarray(0, whole.length - 1))
  assert.equal(d.encoding, 'utf-8')
  assert.ok(d.text.startsWith(`<p>${ZH}</p>`))
})

test('a GBK page with one half character (a CMS cut a title at a byte count) still decodes', () => {
  const title = bytes('中国外交', 'gbk')
  const cut = title.subarray(0, title.length - 1) // half of 交
  const page = concat(bytes(`<meta charset="gbk"><p>${ZH.repeat(8)}</p><a>`, 'gbk'), cut, bytes('...</a>', 'gbk'))
  const d = decoded(page)
  assert.deepEqual([d.encoding, d.source], ['gb18030', 'meta'])
  assert.ok(d.text.endsWith('<a>中国外\uFFFD...</a>'), 'the lost half shows as one U+FFFD')
  // Undeclared, the same bytes are still found to be GBK.
  assert.equal(decoded(page.subarray(20)).encoding, 'gb18030')
})

test('GBK too broken to read is an error, never latin1 mojibake', () => {
  // Every fourth character cut in half: no GBK reading fits; latin1 would "decode" it as ÖÐ¹úÈËÃ, Shift_JIS as ﾖﾐｹ….
  const broken = concat(...Array.from({ length: 30 }, () => concat(bytes('中国人民', 'gbk').subarray(0, 7), bytes(' ', 'ascii'))))
  const r = decode(broken, { name: 'mangled.html' })
  assert.equal(r.ok, false, r.ok ? `decoded as ${r.value.encoding}: ${r.value.text.slice(0, 20)}` : '')
})

test('bytes no charset can read are an error naming the file', () => {
  const junk = new Uint8Array(Array.from({ length: 40 }, () => [0x81, 0x20]).flat())
  const r = decode(junk, { name: 'broken-page.html' })
  assert.equal(r.ok, false)
  if (!r.ok) assert.match(r.error.message, /^ingest: broken-page\.html: /)
})

test('charsetFromContentType reads quoted and spaced parameters', () => {
  assert.equal(charsetFromContentType('text/html; charset=GBK'), 'gbk')
  assert.equal(charsetFromContentType(`application/atom+xml; charset='gb2312'`), 'gb2312')
  assert.equal(charsetFromContentType('text/xml;charset = "us-ascii"'), 'us-ascii')
  assert.equal(charsetFromContentType('text/xml; charset:iso-8859-1'), null)
  assert.equal(charsetFromContentType(null), null)
})

test('normalizeLabel folds the GB family and WHATWG aliases', () => {
  assert.equal(normalizeLabel('GB2312'), 'gb18030')
  assert.equal(normalizeLabel('x-gbk'), 'gb18030')
  assert.equal(normalizeLabel('latin1'), 'windows-1252')
  assert.equal(normalizeLabel('Big5-HKSCS'), 'big5')
  assert.equal(normalizeLabel('bogus'), null)
})
