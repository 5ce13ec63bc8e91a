// Which feed items a poll must handle: each item is keyed (its guid, else its link) and its content hashed, so
// an item already handled is skipped, and an edited one (same key, new content) is handled again.
import { createHash } from 'node:crypto'
import type { RawDocument } from '../../core/document.js'

/** Below this many characters of text, an item with a link is a summary: the linked page is the article. */
export const SUMMARY_CHARS = 200

export function contentHash(raw: RawDocument): string {
  return createHash('sha256').update(JSON.stringify([raw.title, raw.body, raw.url])).digest('hex')
}

/** The guid or link feed.ts gave as `part`; an item with neither (part "#3", its position) is keyed by its content. */
export function itemKey(raw: RawDocument): string {
  return raw.part && !/^#\d+$/.test(raw.part) ? raw.part : `sha256:${contentHash(raw)}`
}

/** The visible text of an item's body, roughly (tags and entities dropped, white space folded), for its length. */
function visibleText(raw: RawDocument): string {
  const text = raw.bodyKind === 'html' ? raw.body.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&#?\w+;/g, ' ') : raw.body
  return text.replace(/\s+/g, ' ').trim()
}

/** True when the item carries only a short summary (or nothing) and links to its article. */
export function isSummaryOnly(raw: RawDocument, minChars = SUMMARY_CHARS): boolean {
  return raw.url !== null && [...visibleText(raw)].length < minChars
}
