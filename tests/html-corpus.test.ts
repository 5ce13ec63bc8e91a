// extractHtml on the other Chinese page sets in ../shared/corpus (MANIFEST.md §2, §3, §5):
//   readability-testpages/{gmw,qq,pixnet}: our text must cover the text of Readability's expected.html
//     (character recall) and our title must be the expected title minus a site suffix;
//   trafilatura-eval-cjk: each `with` segment present, each `without` segment absent, title and date;
//   gne-testpages: titles and dates against GNE's 2019 output (silver labels; disagreements hand-checked).
// Each part prints a tally and asserts a floor measured on the current code.
import { decodePage } from './helpers/decode.js'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { extractHtml, htmlToText } from '../src/normalize/html/index.js'
import { parseDateValue } from '../src/normalize/html/date-parse.js'
import { charPRF, dateAgrees } from '../src/normalize/html/measure.js'
import { sharedPath, skipWithout } from './helpers/shared.js'


const compact = (s: string): string => s.replace(/\s+/g, '')

/** True when `expected` is `ours` or `ours` followed by a separator and a site suffix. */
function titleMatches(ours: string | null, expected: string): boolean {
  if (!ours) return false
  const o = compact(ours)
  const e = compact(expected)
  return e === o || (e.startsWith(o) && /^[_|｜\-—–·:@»<>]/.test(e.slice(o.length)))
}

test('readability test pages (zh): text covers expected.html, title minus site suffix', { skip: skipWithout('corpus', 'readability-testpages') }, () => {
  const root = sharedPath('corpus', 'readability-testpages')!
  const recalls: number[] = []
  let titles = 0
  for (const name of ['gmw', 'qq', 'pixnet']) {
    const html = readFileSync(join(root, name, 'source.html'), 'utf8')
    const expected = htmlToText(readFileSync(join(root, name, 'expected.html'), 'utf8'))
    const meta = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as { title: string }
    const out = extractHtml(html)
    const { recall, precision } = charPRF(out.text, expected)
    recalls.push(recall)
    const ok = titleMatches(out.title, meta.title)
    if (ok) titles++
    console.log(`readability/${name}: recall ${recall.toFixed(3)} precision ${precision.toFixed(3)} method ${out.method} title ${ok ? 'ok' : 'BAD'} "${out.title}"`)
  }
  console.log(`readability zh: mean recall ${(recalls.reduce((a, b) => a + b, 0) / recalls.length).toFixed(3)}, titles ${titles}/3`)
  // Measured: gmw 0.997, qq 0.841, pixnet 0.997. qq's expected output keeps lines we drop on purpose
  // (a copyright notice, 责任编辑, the byline with the date, 转播到腾讯微博).
  const floors = [0.99, 0.83, 0.99]
  recalls.forEach((r, i) => assert.ok(r >= floors[i]!, `recall ${r} below the measured floor ${floors[i]}`))
  assert.equal(titles, 3)
})

interface TrafEntry {
  file: string
  title?: string | null
  date?: string | null
  with: string[]
  without: string[]
}

test('trafilatura eval (CJK): with/without segments, title, date', { skip: skipWithout('corpus', 'trafilatura-eval-cjk') }, () => {
  const root = sharedPath('corpus', 'trafilatura-eval-cjk')!
  const data = JSON.parse(readFileSync(join(root, 'evaldata-subset.json'), 'utf8')) as Record<string, TrafEntry>
  let withOk = 0
  let withN = 0
  let withoutOk = 0
  let withoutN = 0
  let titleOk = 0
  let titleN = 0
  let dateOk = 0
  let dateN = 0
  const fails: string[] = []
  for (const [url, e] of Object.entries(data)) {
    const out = extractHtml(decodePage(readFileSync(join(root, 'eval', e.file)), e.file), { url })
    const text = compact(out.text)
    for (const seg of e.with) {
      withN++
      if (text.includes(compact(seg))) withOk++
      else fails.push(`${e.file}: missing "${seg}"`)
    }
    for (const seg of e.without) {
      withoutN++
      if (!text.includes(compact(seg))) withoutOk++
      else fails.push(`${e.file}: has "${seg}"`)
    }
    if (e.title) {
      titleN++
      if (titleMatches(out.title, e.title.trim())) titleOk++
      else fails.push(`${e.file}: title "${out.title}" want "${e.title}"`)
    }
    if (e.date) {
      dateN++
      if (dateAgrees(out.dates[0], e.date)) dateOk++
      else fails.push(`${e.file}: date ${out.dates[0]?.at ?? 'none'} want ${e.date}`)
    }
  }
  console.log(`trafilatura cjk: with ${withOk}/${withN}, without ${withoutOk}/${withoutN}, titles ${titleOk}/${titleN}, dates ${dateOk}/${dateN}`)
  for (const f of fails) console.log(`  fails: ${f}`)
  // Measured: with 16/17, without 18/19, titles 5/5, dates 3/5. What fails and why: baike's infobox
  // summary sits outside the article container; NHK's note line (※下に線…) is a plain short line after
  // the text; NHK states its date only in the URL, and baike's label is a page-view statistic's date.
  assert.ok(withOk >= 16, `with segments ${withOk}/${withN}`)
  assert.ok(withoutOk >= 18, `without segments ${withoutOk}/${withoutN}`)
  assert.equal(titleOk, titleN, `titles ${titleOk}/${titleN}`)
  assert.ok(dateOk >= 3, `dates ${dateOk}/${dateN}`)
})

/** GNE's result.txt: `>>>…tests/<site>/<n>.html>>>…`, a JSON object, `<<<…`. */
interface GneLabel {
  title: string
  content: string
  publish_time?: string
}

function gneLabels(text: string): Map<string, GneLabel> {
  const out = new Map<string, GneLabel>()
  const re = />{5,}(tests\/[^>]+?\.html)>{5,}\s*([\s\S]*?)\n<{5,}/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    try {
      out.set(m[1]!, JSON.parse(m[2]!) as GneLabel)
    } catch {
      continue // a label we cannot read is not a label
    }
  }
  return out
}

test('gne test pages: titles against the silver labels', { skip: skipWithout('corpus', 'gne-testpages') }, () => {
  const root = sharedPath('corpus', 'gne-testpages')!
  const labels = gneLabels(readFileSync(join(root, 'result.txt'), 'utf8'))
  let ok = 0
  let datesOk = 0
  let datesN = 0
  let bodyF1 = 0
  const fails: string[] = []
  for (const [path, label] of labels) {
    const out = extractHtml(decodePage(readFileSync(join(root, path)), path))
    if (titleMatches(out.title, label.title)) ok++
    else fails.push(`${path}: "${out.title}" vs label "${label.title}"`)
    bodyF1 += charPRF(out.text, label.content).f1
    // Silver dates in mixed formats; those without a year (`09月07日`) say nothing and are skipped.
    const silver = label.publish_time ? parseDateValue(label.publish_time) : null
    if (!silver) continue
    datesN++
    if (dateAgrees(out.dates[0], silver.at.replace('T', ' '))) datesOk++
    else fails.push(`${path}: date ${out.dates[0]?.at ?? 'none'} (${out.dates[0]?.source ?? '-'}) vs label ${label.publish_time}`)
  }
  // Pages with no label: every page still yields text and a title.
  let withText = 0
  let all = 0
  for (const site of readdirSync(join(root, 'tests'))) {
    for (const f of readdirSync(join(root, 'tests', site))) {
      all++
      const out = extractHtml(decodePage(readFileSync(join(root, 'tests', site, f)), f))
      if (out.text.length >= 100 && out.title) withText++
      else fails.push(`tests/${site}/${f}: ${out.text.length} chars, title "${out.title}" (${out.method})`)
    }
  }
  const meanF1 = bodyF1 / labels.size
  console.log(`gne: titles ${ok}/${labels.size} equal the silver label; dates ${datesOk}/${datesN} agree with it; body char F1 vs GNE's text ${meanF1.toFixed(3)}`)
  console.log(`gne: ${withText}/${all} pages give 100+ characters and a title`)
  for (const f of fails) console.log(`  fails: ${f}`)
  assert.ok(labels.size >= 20, `read ${labels.size} labels`)
  assert.ok(ok >= 18, `titles ${ok}/${labels.size}`)
  // Measured 15/19. Hand-checked disagreements: qq's label is the video player's build date
  // ("3.4.40 (2019-9-5 9:38:01 PM)"), sina/3's is a timestamp from the recommendation list; on sina and
  // sina/2 we give article:published_time (06:52 and 19:56 Beijing time) where GNE read other times.
  assert.ok(datesOk >= 15, `dates ${datesOk}/${datesN}`)
  // Measured 0.974: agreement with GNE's own output, not accuracy (GNE keeps some chrome we drop).
  assert.ok(meanF1 >= 0.95, `body F1 against GNE ${meanF1}`)
  assert.ok(withText >= 38, `pages with text and title ${withText}/${all}`)
})
