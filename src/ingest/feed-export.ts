// Feed-export items: what some feed-to-folder tools write for each item they fetch.
//   <!--1739864342000-->            epoch milliseconds (when the exporter stamped the item)
//   [headline](https://…)           the item's title and link, as a markdown link
//   ------
//   <div>…</div><p>…</p>            the item's HTML body
import { ParleyError, err, ok, isoMinuteUtc, type RawDocument, type Result, type EncodingSource } from '../core/index.js'

const HEAD = /^\uFEFF?\s*<!--\s*(\d{10,13})\s*-->[ \t]*\r?\n\s*\[([^\n]*)\]\(([^\s)]+)\)[ \t]*\r?\n\s*-{3,}[ \t]*\r?\n?/

export function readFeedExport(
  text: string,
  ctx: { origin: string; bytes: Uint8Array; encoding: string; encodingSource: EncodingSource },
): Result<RawDocument> {
  const m = HEAD.exec(text)
  if (!m) return err(new ParleyError('ingest', ctx.origin, 'not a feed-export item: expected <!--epoch-->, a [title](url) line and ------'))
  const digits = m[1]!
  // Ten digits are epoch seconds, thirteen are milliseconds.
  const ms = digits.length === 13 ? Number(digits) : Number(digits) * 1000
  const when = new Date(ms)
  const body = text.slice(m[0].length)
  if (!body.trim()) return err(new ParleyError('ingest', ctx.origin, 'feed-export item has an empty body'))
  return ok({
    origin: ctx.origin,
    part: null,
    format: 'feed-export',
    bytes: ctx.bytes,
    encoding: ctx.encoding,
    encodingSource: ctx.encodingSource,
    body,
    bodyKind: 'html',
    title: m[2]!.trim() || null,
    url: m[3]!,
    outlet: null,
    lang: null,
    dates: Number.isNaN(when.getTime()) ? [] : [{ at: isoMinuteUtc(when), precision: 'minute', source: 'epoch-comment', raw: digits }],
  })
}
