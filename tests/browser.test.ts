// The dashboard in Debian's Chromium, driven by playwright-core: the timeline filtered by an actor written in
// traditional script, the Riyadh talks with both sources' sentences, search in traditional script, a phone-width
// page, and hostile articles whose <script>, on* handlers and javascript: links must not run. Skips when
// /usr/bin/chromium is absent.
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

  test('the timeline filtered by 普丁 (traditional script) shows Putin’s events only', async () => {
    await page.goto(`${server.url}/timeline`)
    const all = await page.locator('svg#timeline circle.dot').count()
    assert.ok(all > 0)
    await page.fill('input[name=actor]', '普丁')
    await Promise.all([page.waitForURL(/actor=/), page.click('form.filters button[type=submit]')])
    const dots = await page.locator('svg#timeline circle.dot').count()
    assert.ok(dots > 0 && dots < all, `${dots} of ${all}`)
    const reports = page.locator('details.group article.report')
    const withPutin = reports.filter({ has: page.locator('a[href="/actors/vladimir-putin"]') })
    assert.ok((await reports.count()) > 0)
    assert.equal(await withPutin.count(), await reports.count(), 'every report names Putin')
  })

  test('the Riyadh talks open with the evidence sentences of both sources', { skip: skipWithout('seeds') }, async () => {
    await page.goto(`${server.url}/timeline?type=meeting`)
    const group = page.locator('details#g-2025-02-18-meeting')
    await group.locator('summary').click()
    const reports = group.locator('article.report')
    await reports.first().waitFor({ state: 'visible' })
    const text = (await reports.allTextContents()).join('\n')
    assert.match(text, /美俄会谈在即/, 'the report from 001')
    assert.match(text, /美俄就烏克蘭實現和平的談判/, 'the report from 003')
    // The event's own page lists the other reports of its date and type, the evidence marked in each sentence.
    const fromFirst = group.locator('article.report', { hasText: '美俄会谈在即' }).first()
    await Promise.all([page.waitForURL(/\/events\//), fromFirst.getByRole('link', { name: /details/ }).click()])
    const marked = await page.locator('blockquote.evidence mark.ev').allTextContents()
    assert.ok(marked.length >= 2, `marked: ${marked.join(' | ')}`)
    const sources = await page.locator('article.report p.source').allTextContents()
    assert.ok(sources.some((s) => s.includes('美俄会谈在即')) && sources.some((s) => s.includes('美俄就烏克蘭實現和平的談判')), sources.join(' | '))
    assert.ok(await page.locator('blockquote.evidence', { hasText: '利雅得' }).count() > 0)
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

  test('at phone width the timeline and a document fit the screen', async () => {
    const phone = await browser.newPage()
    await phone.setViewportSize({ width: 390, height: 844 })
    try {
      for (const path of ['/timeline', '/actors/vladimir-putin', '/network']) {
        await phone.goto(`${server.url}${path}`)
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.ok(overflow <= 1, `${path} overflows by ${overflow}px`)
      }
    } finally {
      await phone.close()
    }
  })
})
