// Bytes → text. Chinese news arrives as UTF-8, GBK/GB18030 or Big5, often mislabelled (a page that says
// latin1 or gb2312 but is really UTF-8), so every declaration is checked against the bytes before we trust it,
// and a page nothing can decode cleanly is an error, never mojibake.
import { analyse } from 'chardet'
import iconv from 'iconv-lite'
import type { EncodingSource } from '../core/document.js'
import { err, ok, ParleyError, type Result } from '../core/errors.js'

export interface Decoded {
  text: string
  encoding: string
  source: EncodingSource
  /** Set when the bytes were not all in one encoding: what was repaired or replaced. */
  warning?: string
}

// Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
const BOMS: ReadonlyArray<readonly [number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

// GB2312 and GBK are subsets of GB18030; decoding with the superset loses nothing and reads more pages.
const GB_FAMILY = new Set(['gb2312', 'gbk', 'x-gbk', 'gb18030', 'cp936', 'csgb2312', 'chinese', 'euc-cn', 'x-euc-cn', 'gb_2312-80', 'iso-ir-58', 'csiso58gb231280', 'windows-936', 'ms936'])
const CHINESE = new Set(['gb18030', 'big5'])
// Multibyte charsets go through Node's ICU TextDecoder, which has a fatal mode. Single-byte ones go through
// iconv-lite: Node 20's TextDecoder reads 'windows-1252' as bare latin1 (0x93 becomes U+0093, not “) and
// drops the unassigned bytes of windows-1250.
const LATIN = /^(windows-125[02478]|iso-8859-([1-49]|1[0-6])|macintosh)$/
const ICU_DECODERS = new Set(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'euc-kr', 'shift_jis', 'euc-jp', 'iso-2022-jp'])
// How much of a declaration's sniffing window we look at: declarations sit in the first lines, but some
// old Chinese pages put long scripts before their <meta>.
const SNIFF_BYTES = 8192

/** The charset parameter of a Content-Type header (`text/xml; charset="gb2312"` → `gb2312`), or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null
  for (const param of contentType.split(';').slice(1)) {
    const eq = param.indexOf('=')
    if (eq < 0) continue
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue
    const value = param.slice(eq + 1).trim().replace(/^["']|["']$/g, '').trim().toLowerCase()
    return value || null
  }
  return null
}

/** The normalised label of a charset name ('GB2312' → 'gb18030', 'latin1' → 'windows-1252'), or null if unknown. */
export function normalizeLabel(name: string): string | null {
  const n = name.trim().replace(/^["']|["']$/g, '').toLowerCase()
  if (!n) return null
  if (GB_FAMILY.has(n)) return 'gb18030'
  if (/^(utf-?32|ucs-?4)(le|be|-le|-be)?$/.test(n)) return n.endsWith('le') ? 'utf-32le' : n.endsWith('be') ? 'utf-32be' : 'utf-32'
  if (n === 'utf-16' || n === 'utf16' || n === 'ucs-2' || n === 'unicode') return 'utf-16'
  try {
    // WHATWG labels: 'latin1', 'us-ascii', 'iso-8859-1' all mean windows-1252; 'big5-hkscs' means big5.
    const label = new TextDecoder(n).encoding
    return label === 'gbk' ? 'gb18030' : label
  } catch {
    return iconv.encodingExists(n) ? n : null
  }
}

/** Decode `bytes`, trusting BOM > HTTP charset > XML/HTML declaration > detection, each checked against the bytes. */
export function decode(bytes: Uint8Array, opts: { name: string; httpCharset?: string | null }): Result<Decoded> {
  const bom = BOMS.find(([sig]) => sig.every((b, i) => bytes[i] === b))
  if (bom) {
    const text = decodeAs(bytes.subarray(bom[0].length), bom[1], true)
    if (text !== null) return ok({ text, encoding: bom[1], source: 'bom' })
  }
  const body = bom ? bytes.subarray(bom[0].length) : bytes
  const wide = wideUnicode(body)
  const ascii = isAscii(body)

  const declared: Array<[string | null | undefined, EncodingSource]> = [[opts.httpCharset, 'http']]
  const sniffed = sniffDeclaration(body, wide !== null)
  if (sniffed) declared.push([sniffed.charset, sniffed.source])
  for (const [name, source] of declared) {
    if (!name) continue
    const label = checkDeclared(body, name, wide, ascii)
    if (!label) continue
    const text = decodeAs(body, label, true)
    if (text !== null) return ok({ text: stripBom(text), encoding: label, source })
  }

  if (wide) {
    const text = decodeAs(body, wide, false)
    if (text !== null) return ok({ text: stripBom(text), encoding: wide, source: 'detected' })
  }
  if (ascii) return ok({ text: stripBom(asciiText(body)), encoding: 'utf-8', source: declared.some(([n]) => n) ? 'detected' : 'default' })
  const mostly = mostlyUtf8(body)
  if (mostly) return ok({ text: stripBom(mostly.text), encoding: 'utf-8', source: 'detected', warning: mostly.warning })
  const found = detect(body)
  if (found) return ok({ text: stripBom(found.text), encoding: found.label, source: 'detected' })
  return err(new ParleyError('ingest', opts.name, 'not valid UTF-8 and no declared or detected charset decodes it without errors'))
}

/**
 * The label to decode with if the declared `name` fits the bytes, else null (fall through to the next source).
 * A declaration loses to the bytes when they are valid non-ASCII UTF-8 (legacy CJK text is practically never
 * valid UTF-8 by chance), and a single-byte declaration (latin1 decodes every byte) loses to a GBK/Big5 reading
 * that yields clear Chinese text: both are common on old Chinese sites.
 */
function checkDeclared(bytes: Uint8Array, name: string, wide: string | null, ascii: boolean): string | null {
  let label = normalizeLabel(name)
  if (!label) return null
  if (/^utf-(16|32)/.test(label)) {
    // Without a BOM, only the layout of NUL bytes tells the byte order; a declaration we could read as
    // ASCII cannot truthfully say UTF-16/32.
    if (!wide || wide.slice(0, 6) !== label.slice(0, 6)) return null
    label = wide
  } else if (wide) return null
  if (ascii || label === 'utf-8') return label
  if (decodeAs(bytes, 'utf-8', true) !== null) return null
  const text = decodeAs(bytes, label, true)
  if (text === null || !plausible(text, label)) return null
  if (CHINESE.has(label)) {
    // Mislabelled Big5 as GB2312 (or the reverse) still decodes; switch only on a clear difference.
    const other = label === 'gb18030' ? 'big5' : 'gb18030'
    const alt = decodeAs(bytes, other, true)
    if (alt !== null && plausible(alt, other) && chineseScore(alt) > 2 * Math.max(1, chineseScore(text))) return null
    return label
  }
  if (isMultiByte(label)) return label
  for (const zh of ['gb18030', 'big5']) {
    const alt = decodeAs(bytes, zh, true)
    if (alt !== null && plausible(alt, zh) && isStrongChinese(alt)) return null
  }
  return label
}

function isMultiByte(label: string): boolean {
  return ['shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp', 'utf-8'].includes(label) || label.startsWith('utf-')
}

/**
 * Detection for undeclared or wrongly declared bytes: UTF-8 if valid (within the tolerance of decodeAs), else
 * chardet's guesses, each checked by decoding.
 */
function detect(bytes: Uint8Array): { text: string; label: string } | null {
  const utf8 = decodeAs(bytes, 'utf-8', true)
  if (utf8 !== null) return { text: utf8, label: 'utf-8' }
  const labels: string[] = []
  // chardet's statistics settle within the first tens of KB; a 10 MB page need not be analysed whole.
  for (const m of analyse(bytes.subarray(0, 65536))) {
    const label = normalizeLabel(m.name)
    if (label && !labels.includes(label) && !label.startsWith('utf-') && !label.startsWith('iso-2022')) labels.push(label)
  }
  for (const l of ['gb18030', 'big5']) if (!labels.includes(l)) labels.push(l)

  const readable: Array<{ text: string; label: string }> = []
  for (const label of labels) {
    const text = decodeAs(bytes, label, true)
    if (text !== null && plausible(text, label)) readable.push({ text, label })
  }
  // chardet's order, but a reading without U+FFFD before one with.
  const first = readable.find((c) => !c.text.includes('\uFFFD')) ?? readable[0]
  if (!first) return null
  const chinese = readable.filter((c) => CHINESE.has(c.label))
  // GBK and Big5 byte ranges overlap, so both often decode; the one that reads as common Chinese wins
  // (ties keep chardet's order). A single-byte first guess (chardet likes latin1 for short texts) yields to
  // clearly Chinese text; a multibyte one (EUC-KR, Shift_JIS) comes from chardet's own statistics and stays.
  const singleByte = !CHINESE.has(first.label) && !isMultiByte(first.label)
  if (CHINESE.has(first.label) || (singleByte && chinese.some((c) => isStrongChinese(c.text)))) {
    return chinese.reduce((best, c) => (chineseScore(c.text) > chineseScore(best.text) ? c : best))
  }
  return first
}

/**
 * Decode strictly. With `lenient`, a few bad sequences are let through as U+FFFD: one cut-off character at the
 * very end (a truncated download) plus at most one per 200 non-ASCII characters, because Chinese CMSs cut titles
 * at a byte count and leave half a GBK character before the "…". A wrong charset fails far more often.
 */
function decodeAs(bytes: Uint8Array, label: string, lenient: boolean): string | null {
  if (label.startsWith('utf-32')) return decodeUtf32(bytes, label, lenient)
  if (!ICU_DECODERS.has(label)) return decodeIconv(bytes, label, lenient)
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    if (!lenient) return null
  }
  const loose = new TextDecoder(label).decode(bytes)
  return withinTolerance(loose) ? loose : null
}

function withinTolerance(text: string): boolean {
  let bad = 0
  let nonAscii = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd && i < text.length - 1) bad++
    else if (c >= 0x80) nonAscii++
  }
  return bad <= Math.floor(nonAscii / 200)
}

function decodeUtf32(bytes: Uint8Array, label: string, lenient: boolean): string | null {
  if (bytes.length % 4 !== 0 && !lenient) return null
  const le = label !== 'utf-32be'
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: string[] = []
  let bad = 0
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, le)
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      bad++
      out.push('\uFFFD')
    } else out.push(String.fromCodePoint(cp))
  }
  const text = out.join('')
  if (bad > 0 && !lenient) return null
  return bad === 0 || withinTolerance(text) ? text : null
}

// iconv-lite has no fatal mode: a U+FFFD in its output marks a byte the charset does not define.
function decodeIconv(bytes: Uint8Array, label: string, lenient: boolean): string | null {
  if (!iconv.encodingExists(label)) return null
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label)
  if (!text.includes('\uFFFD')) return text
  return lenient && withinTolerance(text) ? text : null
}

/**
 * Text a wrong reading tends to produce: C1 controls (windows-1252's unassigned bytes) and Private Use
 * characters (GB18030's unassigned codes). A real GBK page may use a few PUA characters for rare names, so up
 * to 2% of the non-ASCII characters may be odd. A Latin charset is also implausible when most non-ASCII letters
 * come in long runs: Latin text has an accented letter here and there, while GBK or Big5 read as latin1 is
 * wall-to-wall `ÖÐ¹ú`. Likewise Shift_JIS reads any stray high byte as a halfwidth katakana (`ﾖﾐｹ`), which
 * real Japanese text uses sparingly.
 */
function plausible(text: string, label: string): boolean {
  let nonAscii = 0
  let odd = 0
  let run = 0
  let inLongRuns = 0
  let halfwidthKana = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80 || /\s/.test(ch)) {
      run = 0
      continue
    }
    nonAscii++
    if (c <= 0x9f || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0x10ffff)) odd++
    if (c >= 0xff61 && c <= 0xff9f) halfwidthKana++
    run++
    if (run === 4) inLongRuns += 4
    else if (run > 4) inLongRuns++
  }
  if (odd > nonAscii * 0.02 || halfwidthKana > nonAscii * 0.5) return false
  return !LATIN.test(label) || inLongRuns <= nonAscii * 0.3
}

/**
 * UTF-16/32 without a BOM, told by where the NUL bytes fall around the first characters (markup and text
 * start with ASCII: `<` is 3C 00 in UTF-16LE). Null for ASCII-compatible bytes.
 */
function wideUnicode(b: Uint8Array): string | null {
  if (b.length < 4) return null
  const [a = 1, c = 1, d = 1, e = 1] = b
  if (a === 0 && c === 0 && d === 0 && e !== 0) return 'utf-32be'
  if (a !== 0 && c === 0 && d === 0 && e === 0) return 'utf-32le'
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return 'utf-16be'
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return 'utf-16le'
  return null
}

/** `<?xml … encoding="x"?>`, else `<meta charset=x>` / `<meta http-equiv … content="…; charset=x">`. */
function sniffDeclaration(bytes: Uint8Array, wide: boolean): { charset: string; source: EncodingSource } | null {
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString('latin1')
  if (wide) head = head.replace(/\0/g, '')
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(head)
  if (xml?.[1]) return { charset: xml[1], source: 'xml-declaration' }
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta?.[1]) return { charset: meta[1], source: 'meta' }
  return null
}

function isAscii(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return false
  return true
}

function asciiText(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

// The most frequent characters of Chinese news prose, simplified forms first, then the traditional forms of
// those that differ. Real Chinese text is a quarter to a third made of them; the same bytes read with the wrong
// one of GBK/Big5 give scattered rare characters, so counting them tells the two charsets apart.
const COMMON =
  '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然' +
  '没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但些与高意进把法此实回二理' +
  '美点月明其种全工己话者向情部正名定问力机给等几很业最间新打位因重被电四第门相次东政海口使西再平世气信北少关并内加化由代军' +
  '产入先五万市体总场员表报记府领导统议谈判交' +
  '這來國個說們為時會著過學對裡後麼沒於還發當無開見經頭從動兩長樣現將與進實點種話問機給幾業間電門東關軍產萬體總場員報記領導' +
  '統議談'
const COMMON_SET = new Set(COMMON)

/** Characters that read as mojibake in Chinese prose: kana, Greek, Cyrillic, bopomofo, box drawing, private use, U+FFFD. */
function isOdd(c: number): boolean {
  return (
    (c >= 0x370 && c <= 0x4ff) || (c >= 0x2500 && c <= 0x257f) || (c >= 0x3040 && c <= 0x312f) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd
  )
}

/** Common Chinese characters minus mojibake-looking ones: higher is more likely the right reading. */
function chineseScore(text: string): number {
  let score = 0
  for (const ch of text) {
    if (COMMON_SET.has(ch)) score++
    else if (isOdd(ch.codePointAt(0) ?? 0)) score--
  }
  return score
}

/** Clearly Chinese: several common characters, making up a real share of the Han characters present. */
function isStrongChinese(text: string): boolean {
  let han = 0
  let common = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0x4e00 && c <= 0x9fff) han++
    if (COMMON_SET.has(ch)) common++
  }
  return common >= 2 && common >= han * 0.1 && chineseScore(text) > 0
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g

/**
 * UTF-8 text with a few broken bytes (a bad copy, a truncated character) or with lines saved in GBK or Big5
 * (pasted together from two sources): each line that is not valid UTF-8 is read as GB18030 or Big5 when that
 * gives Chinese, else with U+FFFD for the broken bytes. Null when most of the text is not UTF-8 at all, so that
 * a GBK page is never read as UTF-8 with holes (or, worse, as KOI8-R).
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; warning: string } | null {
  if (decodeAs(bytes, 'utf-8', false) !== null) return null // valid UTF-8: the usual path reads it
  const lines: string[] = []
  let utf8Chinese = 0
  let repaired = 0
  let replaced = 0
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue
    const line = bytes.subarray(start, i)
    start = i + 1
    const utf8 = decodeAs(line, 'utf-8', false)
    if (utf8 !== null) {
      utf8Chinese += utf8.match(CJK)?.length ?? 0
      lines.push(utf8)
      continue
    }
    const zh = ['gb18030', 'big5'].map((l) => decodeAs(line, l, false)).find((t) => t !== null && chineseScore(t) > 0 && plausible(t, 'gb18030'))
    const lossy = new TextDecoder('utf-8').decode(line)
    const holes = lossy.split('\uFFFD').length - 1
    // A line with a few broken bytes in UTF-8 Chinese stays UTF-8; a line that is wholly GBK or Big5 is read so.
    if (zh && holes > (lossy.match(CJK)?.length ?? 0) / 4) {
      repaired++
      lines.push(zh)
    } else {
      replaced += holes
      utf8Chinese += lossy.match(CJK)?.length ?? 0
      lines.push(lossy)
    }
  }
  if (utf8Chinese < 4 || replaced > utf8Chinese / 4) return null
  const parts = [repaired ? `${repaired} line${repaired > 1 ? 's' : ''} in GBK/Big5 read as such` : '', replaced ? `${replaced} invalid UTF-8 byte sequence${replaced > 1 ? 's' : ''} replaced with U+FFFD` : '']
  return { text: lines.join('\n'), warning: `mixed or broken encoding: ${parts.filter(Boolean).join('; ')}` }
}
