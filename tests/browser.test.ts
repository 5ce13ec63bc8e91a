// The dashboard in Debian's Chromium, driven by playwright-core: the timeline of merged events filtered by an
// actor written in traditional script and zoomed, the Riyadh talks with both sources' sentences, a divergent
// account, the stance matrix moved by its date slider, claims and network with their data, search in traditional
// script, phone-width pages, and hostile articles whose <script>, on* handlers and javascript: links must not run.
// Skips when /usr/bin/chromium is absent.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startServer, type Running } from '../src/server/serve.js'
import { buildCorpus, HOSTILE, type Corpus } from './helpers/corpus.js'
import { skipWithout } from './helpers/shared.js'

const CHROMIUM = '/usr/bin/chromium'
const HOSTILE_DIR = dirname(HOSTILE)
const skip = existsSync(CHROMIUM) ? false : `skipped: ${CHROMIUM} is absent (apt-get install chromium)`

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']

describe('dashboard in Chromium', { skip }, () => {
  let corpus: Corpus
  let server: Running
  let browser: BrowserContext
  let profile: string
  let page: Page
  const pageErrors: string[] = []

  before(async () => {
    corpus = await buildCorpus()
    server = await startServer({ db: corpus.db, host: '127.0.0.1', port: 0 })
    profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'))
    // A fresh profile each run: playwright passes it to Chromium as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } })
    page = await browser.newPage()
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('dialog', (d) => {
      pageErrors.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    corpus?.remove()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  test('the timeline of merged events, filtered by 澤倫斯基 (traditional script), shows Zelenskyy’s events only; zoom narrows the range', async () => {
    await page.goto(`${server.url}/timeline`)
    const all = await page.locator('svg#timeline circle.dot').count()
    assert.ok(all > 0)
    assert.ok((await page.locator('svg#timeline circle.dot.planned').count()) > 0, 'planned events on their own lane')
    await page.fill('input[name=actor]', '澤倫斯基')
    await Promise.all([page.waitForURL(/actor=/), page.click('form.filters button[type=submit]')])
    const dots = await page.locator('svg#timeline circle.dot').count()
    assert.ok(dots > 0 && dots < all, `${dots} of ${all}`)
    const events = page.locator('details.merged')
    const withHim = events.filter({ has: page.locator('a[href="/actors/volodymyr-zelenskyy"]') })
    assert.ok((await events.count()) > 0)
    assert.equal(await withHim.count(), await events.count(), 'every merged event names Zelenskyy')
    // Zoom in: the date range halves, the filter stays.
    const range = async () => (await page.locator('svg#timeline').evaluate((el) => Number((el as SVGElement).dataset.to) - Number((el as SVGElement).dataset.from)))
    const before = await range()
    await Promise.all([page.waitForURL(/since=.*until=/), page.locator('p.zoom a', { hasText: '放大' }).click()])
    assert.ok(new URL(page.url()).searchParams.get('actor') === '澤倫斯基')
    assert.ok((await range()) < before * 0.6, `zoomed ${before} -> ${await range()}`)
  })

  test('the Riyadh talks open as one event with the sentences of 001 and 003; its page shows the sources side by side', { skip: skipWithout('seeds') }, async () => {
    await page.goto(`${server.url}/timeline?type=meeting&since=2025-02-18&until=2025-02-18`)
    const riyadh = page.locator('details.merged', { hasText: '美俄会谈在即' })
    assert.equal(await riyadh.count(), 1, 'one merged event holds the report of 001')
    await riyadh.locator('summary').click()
    const reports = riyadh.locator('article.report')
    await reports.first().waitFor({ state: 'visible' })
    assert.match(await riyadh.locator('.badge.sources').first().innerText(), /^[3-9]/, 'three independent sources')
    const from001 = reports.filter({ hasText: '美俄会谈在即' })
    const from003 = reports.filter({ hasText: '美俄就烏克蘭實現和平的談判' })
    assert.equal(await from001.count(), 1)
    // 003 tells the talks twice (its lead, dated to the month, and its body): both are its reports of this event.
    assert.ok((await from003.count()) >= 1, 'a report of 003')
    assert.match(await from001.locator('blockquote.evidence').innerText(), /利雅得会谈/)
    assert.match((await from003.locator('blockquote.evidence mark.ev').allInnerTexts()).join(' '), /2月18日/)
    assert.match(await from001.locator('header .badge').innerText(), /计划|planned/, '001 has the talks ahead: its report stays planned')
    await Promise.all([page.waitForURL(/\/merged\//), riyadh.getByRole('link', { name: /details/ }).click()])
    const titles = await page.locator('article.report header strong').allTextContents()
    assert.ok(titles.some((t) => t.startsWith('美俄会谈在即')) && titles.some((t) => t.startsWith('美俄就烏克蘭實現和平的談判')), titles.join(' | '))
  })

  test('a divergent account shows both sources’ values on the event (the 12 Feb Trump–Putin call: where)', { skip: skipWithout('seeds') }, async () => {
    await page.goto(`${server.url}/timeline?type=call&since=2025-02-12&until=2025-02-12&actor=${encodeURIComponent('蒲亭')}`)
    const call = page.locator('details.merged', { has: page.locator('.divergence') }).first()
    await call.locator('summary').click()
    const items = await call.locator('.divergence li').allInnerTexts()
    assert.ok(items.length >= 2, items.join(' | '))
    assert.ok(items.every((t) => /—\s*\S/.test(t)), 'each value names its source')
  })

  test('the stance matrix follows its date slider; the page rendered for that date agrees; a cell opens its history', async () => {
    await page.goto(`${server.url}/stances`)
    const slider = page.locator('#at-slider')
    const dates = (await slider.getAttribute('data-dates'))!.split(',')
    assert.ok(dates.length >= 2)
    assert.equal(await page.locator('#at-label').innerText(), dates.at(-1))
    const filled = () => page.locator('td.cell.supports, td.cell.opposes, td.cell.conditional').count()
    const last = await filled()
    await slider.focus()
    await page.keyboard.press('Home')
    assert.equal(await page.locator('#at-label').innerText(), dates[0])
    assert.ok(new URL(page.url()).searchParams.get('at') === dates[0], page.url())
    const first = await filled()
    assert.ok(first < last, `${first} cells at ${dates[0]}, ${last} at ${dates.at(-1)}`)
    const classes = () => page.locator('td.cell').evaluateAll((tds) => tds.map((td) => td.className).join('|'))
    const moved = await classes()
    await page.keyboard.press('ArrowRight')
    assert.equal(await page.locator('#at-label').innerText(), dates[1])
    // Without the script: the server renders the matrix for that date the same way.
    await page.goto(`${server.url}/stances?i=0`)
    assert.equal(await classes(), moved)
    await page.goto(`${server.url}/stances`)
    const cell = page.locator('td.cell.supports a, td.cell.opposes a, td.cell.conditional a').first()
    const title = (await cell.getAttribute('title'))!
    assert.match(title, /\d{4}-\d{2}-\d{2}/)
    await Promise.all([page.waitForURL(/\/stances\/history\?/), cell.click()])
    assert.ok((await page.locator('table.history tbody tr').count()) >= 1)
  })

  test('claims and the network: each drawing has the data it shows one click away', async () => {
    await page.goto(`${server.url}/claims`)
    assert.ok((await page.locator('section.claim').count()) > 0)
    assert.ok((await page.locator('svg.claim-plot circle.claim-dot').count()) >= 2)
    const csv = await page.request.get(new URL((await page.locator('p.data a', { hasText: 'CSV' }).getAttribute('href'))!, server.url).toString())
    assert.match(csv.headers()['content-type'] ?? '', /text\/csv/)
    const rows = (await csv.text()).trim().split('\n').length - 1
    assert.equal(rows, await page.locator('section.claim tbody tr').count(), 'one CSV row per account shown')
    await page.goto(`${server.url}/network`)
    assert.ok((await page.locator('svg line.edge').count()) > 0)
    const json = await page.request.get(new URL((await page.locator('p.data a', { hasText: 'JSON' }).getAttribute('href'))!, server.url).toString())
    assert.equal(((await json.json()) as { edges: unknown[] }).edges.length, await page.locator('svg line.edge').count())
  })

  test('search 烏克蘭 finds documents in both scripts', async () => {
    await page.goto(`${server.url}/search`)
    await page.fill('input[name=q]', '烏克蘭')
    await Promise.all([page.waitForURL(/q=/), page.press('input[name=q]', 'Enter')])
    const hits = await page.locator('ol.hits li').count()
    assert.ok(hits > 0)
    assert.ok((await page.locator('ol.hits mark').count()) > 0, 'hits are marked')
  })

  test('a hostile article: its <script> and onerror= are shown as text and never run', async () => {
    await page.goto(`${server.url}/search?q=${encodeURIComponent('安全测试')}`)
    await Promise.all([page.waitForURL(/\/documents\//), page.locator('ol.hits a').first().click()])
    await page.waitForLoadState('load')
    const state = await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: string }).__pwned ?? null, title: document.title, imgs: document.querySelectorAll('article.text img').length, scripts: document.querySelectorAll('script').length }))
    assert.equal(state.pwned, null)
    // The title's own text says PWNED-TITLE (shown as text); no script changed it.
    assert.doesNotMatch(state.title, /PWNED-(HEAD|BODY|TEXT|IMG)/)
    assert.match(state.title, /<script>document\.title='PWNED-TITLE'<\/script> · parley$/)
    assert.equal(state.imgs, 0)
    assert.equal(state.scripts, 1, 'only the dashboard’s own script file')
    assert.match(await page.locator('article.text').innerText(), /<script>window\.__pwned/)
    // Nor on the lists that quote it (the quotes, the timeline with statements).
    for (const path of ['/quotes?limit=1000', '/timeline?statements=1&limit=1000']) {
      await page.goto(`${server.url}${path}`)
      assert.deepEqual(await page.evaluate(() => [(window as unknown as { __pwned?: string }).__pwned ?? null, document.querySelectorAll('script').length]), [null, 1], path)
      if (path.startsWith('/quotes')) assert.match(await page.locator('ul.quotes').innerText(), /window\.__pwned/, 'the hostile quote is shown as text')
    }
    // The same text reflected through a query string does not run either.
    await page.goto(`${server.url}/search?q=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`)
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null), null)
    assert.deepEqual(pageErrors, [])
  })

  test('javascript: links, event-handler attributes, frames and forms in articles never reach the page', async () => {
    // Uploaded through the server, as a user would: a page and a feed full of javascript: URLs and on* handlers.
    const body = new FormData()
    for (const f of ['hostile-links.html', 'hostile-feed.rss']) body.append('file', new File([readFileSync(join(HOSTILE_DIR, f))], f))
    const r = await fetch(`${server.url}/api/ingest`, { method: 'POST', body })
    assert.equal(r.status, 200)
    assert.equal(((await r.json()) as { newDocs: number }).newDocs, 2)
    const pages: string[] = []
    for (const q of ['点击这里查看全文', '为链接安全测试而写的条目']) {
      await page.goto(`${server.url}/search?q=${encodeURIComponent(q)}`)
      const href = await page.locator('ol.hits a').first().getAttribute('href')
      assert.ok(href, `no hit for ${q}`)
      pages.push(href, `/search?q=${encodeURIComponent(q)}`)
    }
    for (const path of [...pages, '/documents', '/timeline']) {
      await page.goto(`${server.url}${path}`)
      await page.waitForLoadState('load')
      const found = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')]
        return {
          pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
          jsUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName}[${a.name}]`)),
          embeds: document.querySelectorAll('iframe, frame, object, embed, article.text svg, article.text form').length,
        }
      })
      assert.deepEqual(found, { pwned: null, handlers: [], jsUrls: [], embeds: 0 }, path)
    }
    // Hovering and clicking the article text runs nothing either.
    await page.goto(`${server.url}${pages[0]}`)
    await page.locator('article.text').hover()
    await page.locator('article.text').click()
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null), null)
    assert.match(await page.locator('article.text').innerText(), /点击这里查看全文/)
    assert.deepEqual(pageErrors, [])
  })

  test('at phone width every view fits the screen (wide tables scroll inside their box)', async () => {
    const phone = await browser.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    try {
      const first = ((await (await fetch(`${server.url}/api/merged-events?limit=1&type=meeting`)).json()) as { items: { id: string }[] }).items[0]
      for (const path of ['/timeline', '/stances', '/claims', '/actors/vladimir-putin', '/network', '/quotes', ...(first ? [`/merged/${first.id}`] : [])]) {
        await phone.goto(`${server.url}${path}`)
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 1, `${path} overflows by ${overflow}px`)
      }
    } finally {
      await phone.close()
    }
  })
})
