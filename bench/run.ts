// `npm run bench`: ingest throughput (read + normalize + extract + store) and memory, over a generated batch.
// The batch is the shipped samples, each written again N times with a line that makes its text unique
// (otherwise the second copy is the same document and costs nothing). Figures go to stdout.
// Usage: npm run bench [-- copies (default 40)]
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest } from '../src/pipeline/ingest.js'

const copies = Number(process.argv[2] ?? 40)
const root = new URL('..', import.meta.url).pathname
const sources = ['text', 'items'].flatMap((dir) => readdirSync(join(root, 'examples', dir)).filter((f) => !f.endsWith('.json')).map((f) => join(root, 'examples', dir, f)))
const work = mkdtempSync(join(tmpdir(), 'parley-bench-'))
const inputs = join(work, 'in')
mkdirSync(inputs)
let bytes = 0
for (let k = 0; k < copies; k++) {
  for (const src of sources) {
    // The unique line goes near the top: trailing lines may be site chrome that is cut. HTML bodies get it as a
    // paragraph after their first one (what precedes the article's first paragraph is dateline and images).
    const line = `第${k + 1}份副本，用于性能测试。`
    const raw = readFileSync(src, 'utf8')
    const text = src.includes('/items/') ? raw.replace('</p>', `</p><p>${line}</p>`) : raw.replace('\n\n', `\n\n${line}\n\n`)
    const out = join(inputs, `${k}-${src.split('/').pop()}`)
    writeFileSync(out, text)
    bytes += statSync(out).size
  }
}
const files = readdirSync(inputs).length
const store = openSqliteStore(join(work, 'bench.db'))
let peak = process.memoryUsage().rss
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
const t0 = performance.now()
const summary = await ingest(store, [inputs])
const seconds = (performance.now() - t0) / 1000
clearInterval(timer)
const events = store.listEvents({ limit: 1_000_000 }).length
store.close()
console.log(`ingest: ${files} files, ${(bytes / 1024).toFixed(0)} KiB, ${summary.newDocs} new documents, ${summary.failed} failed`)
console.log(`time:   ${seconds.toFixed(1)} s, ${(summary.newDocs / seconds).toFixed(1)} documents/s, ${(bytes / 1024 / seconds).toFixed(0)} KiB/s (read, normalize, extract, store)`)
console.log(`facts:  ${events} events stored`)
console.log(`memory: peak RSS ${(peak / 1024 / 1024).toFixed(0)} MiB`)
