// Timing and per-page scores of extractHtml on the CWCE corpus (../shared). Usage:
//   npx tsx bench/html.ts            one line per page: char P/R/F1, method, date ok, ms
//   SHOW=<id-prefix> npx tsx bench/html.ts   also print that page's text, dates and the label
import { decodePage } from '../tests/helpers/decode.js'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { extractHtml } from '../src/normalize/html/index.js'
import { parsePage } from '../src/normalize/html/dom.js'
import { mainText } from '../src/normalize/html/main-text.js'
import { charPRF, dateAgrees, labelPrefix, shingleAggregate, shingleCounts } from '../src/normalize/html/measure.js'
import { sharedPath } from '../tests/helpers/shared.js'


const dir = sharedPath('corpus', 'cwce-chinese-web-content-extraction')
if (!dir) {
  console.log('bench/html: ../shared/corpus/cwce-chinese-web-content-extraction is absent')
  process.exit(0)
}
const show = process.env.SHOW
let f1Sum = 0
let pages = 0
let dateOk = 0
let dateN = 0
let ms = 0
const shingles: Array<{ tp: number; fp: number; fn: number }> = []
for (const file of readdirSync(join(dir, 'original')).sort()) {
  const id = file.replace(/\.html$/, '')
  if (show && !id.startsWith(show)) continue
  const html = decodePage(readFileSync(join(dir, 'original', file)), file)
  const gold = readFileSync(join(dir, 'cleaned', `${id}.txt`), 'utf8')
  const label = readFileSync(join(dir, 'date', `${id}.txt`), 'utf8').trim()
  const t0 = performance.now()
  const out = extractHtml(html)
  const dt = performance.now() - t0
  ms += dt
  const prf = charPRF(out.text, gold)
  shingles.push(shingleCounts(out.text, gold))
  f1Sum += prf.f1
  pages++
  let d = '-'
  if (labelPrefix(label)) {
    dateN++
    const ok = dateAgrees(out.dates[0], label)
    if (ok) dateOk++
    d = ok ? 'ok' : `BAD ${out.dates[0]?.at ?? 'none'} want ${label}`
  }
  console.log(id.slice(0, 8), prf.precision.toFixed(2), prf.recall.toFixed(2), prf.f1.toFixed(2), out.method.padEnd(11), dt.toFixed(0).padStart(4) + 'ms', d)
  if (show) {
    const m = mainText(html, parsePage(html), out.title)
    for (const d of m.dropped) console.log(`DROP ${d.rule}: ${d.text.slice(0, 80)}`)
    console.log(`title: ${out.title}\ndates: ${JSON.stringify(out.dates)}\n----TEXT----\n${out.text}\n----GOLD----\n${gold}`)
  }
}
const sh = shingleAggregate(shingles)
console.log(`pages ${pages}  char F1 ${(f1Sum / pages).toFixed(3)}  shingle P ${sh.precision.toFixed(3)} R ${sh.recall.toFixed(3)} F1 ${sh.f1.toFixed(3)}`)
console.log(`dates ${dateOk}/${dateN} = ${(dateOk / Math.max(1, dateN)).toFixed(3)}  mean ${(ms / pages).toFixed(1)} ms/page`)
