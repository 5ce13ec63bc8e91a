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
  await shot('timeline-riyadh', '/timeline?type=meeting', async (p) => {
    const g = p.locator('details#g-2025-02-18-meeting')
    if (await g.count()) {
      await g.locator('summary').click()
      await g.evaluate((el) => el.scrollIntoView())
    }
  })
  const riyadh = await (await fetch(`${server.url}/api/events?type=meeting&since=2025-02-18&until=2025-02-18`)).json() as { items: { id: string; document: { id: string; title: string } }[] }
  const first = riyadh.items.find((e) => e.document.title.startsWith('美俄会谈在即')) ?? riyadh.items[0]
  if (first) {
    await shot('event', `/events/${first.id}`)
    await shot('document', `/documents/${first.document.id}`)
  }
  await shot('actor', `/actors/${encodeURIComponent('普丁')}`)
  await shot('network', '/network')
  await shot('search', `/search?q=${encodeURIComponent('烏克蘭')}`)
  await shot('ingest', '/ingest')
  await page.setViewportSize({ width: 390, height: 844 })
  await shot('phone-timeline', '/timeline?actor=%E5%B7%9D%E6%99%AE')
  await shot('phone-document', first ? `/documents/${first.document.id}` : '/documents')
} finally {
  await browser.close()
  await server.close()
  corpus.remove()
  rmSync(profile, { recursive: true, force: true })
}
