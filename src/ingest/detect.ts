// Which reader fits an input? Decided from the content (its first tokens), with the file name only as a
// tie-breaker, so a feed saved as .txt or a page saved without an extension is still read right.
import type { Format } from '../core/index.js'
import { detectFeed } from './feed.js'

const FEED_EXPORT = /^\uFEFF?\s*<!--\s*\d{10,13}\s*-->[ \t]*\r?\n\s*\[[^\n]*\]\([^\s)]+\)[ \t]*\r?\n\s*-{3,}/
const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/i
const MEDIAWIKI_HTML = /class="[^"]*\bmw-(?:parser-output|content-text|body-content)\b|<meta\s+name="generator"\s+content="MediaWiki/i
// A plain-text copy of a MediaWiki page: its tagline, or section headings followed by an [edit] link line.
const WIKI_TAGLINE = /^\s*(?:维基百科[，,]\s*自由的百科全书|維基百科[，,]\s*自由的百科全書|From Wikipedia, the free encyclopedia)\s*$/m
const EDIT_LINE = /^\s*\[(?:编辑|編輯|edit)\]\s*$/gm

export function detectFormat(text: string, name = ''): Format {
  const head = text.slice(0, 4096)
  if (FEED_EXPORT.test(head)) return 'feed-export'
  const feed = detectFeed(head)
  if (feed) return feed
  if (HTML_START.test(head) || /\.x?html?$/i.test(name) || looksLikeMarkup(head)) {
    return MEDIAWIKI_HTML.test(text) ? 'wiki' : 'html'
  }
  if (WIKI_TAGLINE.test(text.slice(0, 2000)) || (text.match(EDIT_LINE)?.length ?? 0) >= 2) return 'wiki'
  return 'text'
}

/** Saved fragments without <html>: many block tags early on. */
function looksLikeMarkup(head: string): boolean {
  const tags = head.match(/<\/?(?:p|div|br|span|a|table|td|li|ul|img|h[1-6])\b[^>]*>/gi)?.length ?? 0
  return tags >= 5
}
