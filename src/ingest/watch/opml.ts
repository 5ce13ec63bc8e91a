// OPML subscription lists, read and written with feedsmith (already parley's feed parser). Folders (nested
// outlines) are flattened: parley follows feeds, it does not file them.
import { generateOpml, parseOpml, type Opml } from 'feedsmith'
import { err, ok, ParleyError, type Result } from '../../core/errors.js'

export interface OpmlFeed {
  url: string
  title: string | null
}

export interface OpmlRead {
  feeds: OpmlFeed[]
  warnings: string[]
}

/** The feeds (outlines with an xmlUrl) of an OPML file; outlines without one are folders or notes, skipped. */
export function readOpml(text: string, origin: string): Result<OpmlRead> {
  let doc: Opml.Document<string>
  try {
    doc = parseOpml(text)
  } catch (e) {
    const why = (e as Error).message?.split('\n')[0] ?? String(e)
    return err(new ParleyError('ingest', origin, `not an OPML file with outlines (${why})`))
  }
  const feeds: OpmlFeed[] = []
  const warnings: string[] = []
  const seen = new Set<string>()
  const walk = (outlines: readonly Opml.Outline<string>[] | undefined): void => {
    for (const o of outlines ?? []) {
      const name = (o.title ?? o.text ?? '').trim() || null
      if (o.xmlUrl) {
        const url = o.xmlUrl.trim()
        if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) warnings.push(`${origin}: outline ${name ? `"${name}" ` : ''}has xmlUrl "${url.slice(0, 80)}", not an http(s) URL; skipped`)
        else if (!seen.has(url)) {
          seen.add(url)
          feeds.push({ url, title: name })
        }
      }
      walk(o.outlines)
    }
  }
  walk(doc.body?.outlines)
  if (!feeds.length && !warnings.length) warnings.push(`${origin}: no outline with an xmlUrl (no feeds in this file)`)
  return ok({ feeds, warnings })
}

/** An OPML 2.0 document listing `feeds`. */
export function writeOpml(feeds: readonly OpmlFeed[], opts: { title?: string; now?: Date } = {}): string {
  const title = opts.title ?? 'parley feeds'
  // feedsmith refuses a body without outlines, which is still valid OPML (nothing followed yet): written here.
  if (!feeds.length) return `<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n    <title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>\n  </head>\n  <body/>\n</opml>\n`
  return generateOpml({
    head: { title, dateCreated: opts.now ?? new Date() },
    body: { outlines: feeds.map((f) => ({ text: f.title ?? f.url, ...(f.title ? { title: f.title } : {}), type: 'rss', xmlUrl: f.url })) },
  })
}
