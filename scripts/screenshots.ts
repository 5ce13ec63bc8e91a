// `npm run screenshots`: one PNG per dashboard view in docs/screenshots/, taken in Debian's Chromium over the
// examples (and the seeds, beside ../shared). Not a test: run it after changing a page and look at the pictures.
// For Chinese glyphs the machine needs a CJK font (apt-get install fonts-wqy-microhei or fonts-noto-cjk).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { startServer } from '../src/server/serve.js'
import { buildCorpus } from '../tests/helpers/corpus.js'
import { projectRoot } from '../tests/helpers/shared.js'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const OUT = join(projectRoot, 'docs', 'screenshots')

if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: ${CHROMIUM} is absent (apt-get install chromium)`)
  process.exit(1)
}
mkdirSync(OUT, { recursive: true })
const corpus = await buildCorpus()
const server = await startServer({ db: corpus.db, host: '127.0.0.1', port: 0 })
const profile = mkdtempSync(join(tmpdir(), 'parley-shots-'))
const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 860 } })
try {
  const page = await browser.newPage()
  const shot = async (name: string, path: string, prepare?: (p: Page) => Promise<void>) => {
    await page.goto(server.url + path)
    await prepare?.(page)
    await page.screenshot({ path: join(OUT, `${name}.png`) })
    console.log(`docs/screenshots/${name}.png  ${path}`)
  }
  await shot('timeline', '/timeline?since=2025-01&until=2025-09')
  // The Riyadh talks of 18 Feb 2025 opened: one merged event, each source's report with its sentence.
  await shot('timeline-riyadh', '/timeline?type=meeting&since=2025-02-18&until=2025-02-18', async (p) => {
    const talks = p.locator('details.merged', { hasText: '美俄会谈在即' })
    if (await talks.count()) {
      await talks.locator('summary').click()
      await talks.evaluate((el) => el.scrollIntoView())
    }
  })
  const riyadh = (await (await fetch(`${server.url}/api/merged-events?type=meeting&since=2025-02-18&until=2025-02-18`)).json()) as { items: { id: string; reports: { docId: string; docTitle: string }[] }[] }
  const talks = riyadh.items.find((e) => e.reports.some((r) => r.docTitle.startsWith('美俄会谈在即'))) ?? riyadh.items[0]
  if (talks) await shot('event', `/merged/${talks.id}`)
  const call = (await (await fetch(`${server.url}/api/timeline?type=call&since=2025-02-12&until=2025-02-12&actor=${encodeURIComponent('普京')}`)).json()) as { events: { id: string; divergences: unknown[] }[] }
  const divergent = call.events.find((e) => e.divergences.length)
  if (divergent) await shot('event-divergent', `/merged/${divergent.id}`)
  await shot('stances', '/stances')
  await shot('stances-early', '/stances?at=2025-02-12')
  const matrix = (await (await fetch(`${server.url}/api/stances`)).json()) as { cells: { issue: string; history: { actorId: string | null; actor: string }[] }[] }
  const cell = matrix.cells.find((c) => c.history.length > 1) ?? matrix.cells[0]
  if (cell) await shot('stance-history', `/stances/history?actor=${encodeURIComponent(cell.history[0]!.actorId ?? cell.history[0]!.actor)}&issue=${cell.issue}`)
  await shot('claims', '/claims')
  await shot('network', '/network')
  const doc = talks?.reports[0]?.docId
  if (doc) await shot('document', `/documents/${doc}`)
  await shot('actor', `/actors/${encodeURIComponent('普丁')}`)
  await shot('quotes', '/quotes')
  await shot('search', `/search?q=${encodeURIComponent('烏克蘭')}`)
  await shot('ingest', '/ingest')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot('phone-timeline', `/timeline?actor=${encodeURIComponent('川普')}`)
  await shot('phone-stances', '/stances')
  await shot('phone-document', doc ? `/documents/${doc}` : '/documents')
} finally {
  await browser.close()
  await server.close()
  corpus.remove()
  rmSync(profile, { recursive: true, force: true })
}
