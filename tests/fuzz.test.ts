// Properties over random and mutated inputs: the readers, the decoder, the date and number parsers throw nothing
// but the project's typed errors (as values). Bounded here (FUZZ_RUNS, 60 by default); `npm run fuzz` runs
// thousands and prints how many inputs were tried.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { projectRoot } from './helpers/shared.js'
import { decode } from '../src/ingest/encoding.js'
import { readInput } from '../src/ingest/read.js'
import { normalize } from '../src/normalize/index.js'
import { parseStatedDate } from '../src/core/dates.js'
import { parseChineseNumber } from '../src/extract/numbers/numerals.js'
import { findNumbers } from '../src/extract/numbers/find.js'
import { ParleyError } from '../src/core/errors.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 60)
let tried = 0
after(() => {
  if (process.env.FUZZ_RUNS) console.log(`fuzz: ${tried} inputs tried`)
})

const samples = ['feeds', 'atom', 'pages', 'items', 'text'].flatMap((d) => readdirSync(join(projectRoot, 'examples', d)).map((f) => new Uint8Array(readFileSync(join(projectRoot, 'examples', d, f)))))
samples.push(...readdirSync(join(projectRoot, 'tests/fixtures/bad')).map((f) => new Uint8Array(readFileSync(join(projectRoot, 'tests/fixtures/bad', f)))))

/** A real input with a few bytes flipped, cut, or a random run inserted. */
const mutated = fc
  .tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert')), { maxLength: 8 }))
  .map(([bytes, edits]) => {
    let b = Array.from(bytes)
    for (const [at, value, kind] of edits) {
      const i = b.length ? at % b.length : 0
      if (kind === 'flip') b[i] = value
      else if (kind === 'cut') b = b.slice(0, i)
      else b.splice(i, 0, value, value ^ 0x80, 0x3c)
    }
    return new Uint8Array(b)
  })

const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 4096 }), mutated)

function readsCleanly(bytes: Uint8Array): void {
  tried++
  const r = readInput({ origin: 'fuzz.bin', bytes })
  if (!r.ok) {
    assert.ok(r.error instanceof ParleyError)
    assert.ok(!r.error.message.includes('\n'), r.error.message)
    return
  }
  for (const raw of r.value.docs) {
    const doc = normalize(raw, {})
    if (!doc.ok) assert.ok(doc.error instanceof ParleyError)
  }
}

test('the decoder takes any bytes and throws nothing', () => {
  fc.assert(fc.property(anyBytes, (bytes) => {
    tried++
    const r = decode(bytes, { name: 'fuzz.bin' })
    if (r.ok) assert.equal(typeof r.value.text, 'string')
    else assert.ok(r.error instanceof ParleyError)
  }), { numRuns: RUNS })
})

test('the readers (feed, HTML, text, feed-export) and normalize take random and mutated inputs and throw nothing', () => {
  fc.assert(fc.property(anyBytes, readsCleanly), { numRuns: RUNS })
})

test('markup-shaped random text (tags, entities, CDATA, DOCTYPEs) throws nothing', () => {
  const piece = fc.constantFrom('<rss>', '</rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '&a;', '&#xD800;', '&#0;', '<html>', '<div>', '</div>', '<p>', '会谈', '2025年2月30日', '<!--1739864342000-->\n[t](u)\n---\n', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>', '{"version":"https://jsonfeed.org/version/1.1","items":[')
  fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (parts) => readsCleanly(new TextEncoder().encode(parts.join('')))), { numRuns: RUNS })
})

test('a stated date of any shape is a date with its precision, or null; never a throw', () => {
  const dateLike = fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 40 })).map(([y, m, d]) => `${y}-${m}-${d}`), fc.constantFrom('2025-02-30', '2025-02-29', '2024-02-29', 'Thu, 13 Feb 2025 07:40:00 +0800', '2025-02-13T25:00Z', '', ' '))
  fc.assert(fc.property(dateLike, (s) => {
    tried++
    const p = parseStatedDate(s, 'user')
    if (p?.at) assert.match(p.at, /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/, `${s} -> ${p.at}`)
  }), { numRuns: RUNS * 4 })
})

test('the number parser and finder take any string of numerals and words and throw nothing', () => {
  const numeral = fc.array(fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿点半分之成几多余0123456789.,%％'), { maxLength: 20 }).map((a) => a.join(''))
  fc.assert(fc.property(numeral, fc.string({ maxLength: 30 }), (n, tail) => {
    tried++
    const v = parseChineseNumber(n)
    assert.ok(v === null || Number.isFinite(v), `${n} -> ${v}`)
    const text = `${n}${tail}人`
    findNumbers(text, [{ start: 0, end: text.length }])
  }), { numRuns: RUNS * 4 })
})
