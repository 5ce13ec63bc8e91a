// Builds a well-formed document from whatever a saved page holds. linkedom does not run the HTML5
// tree builder: junk before <html> (a crawler's wrapper element, a BOM, a stray comment), a second
// <html>/<body> pasted in by a CMS, or no <body> at all leave nodes outside <body>, and Readability
// then walks off the top of the tree. So we cut the page into head and body with a few regexes
// (the same cut a browser makes) and give linkedom a skeleton it cannot get wrong.
import { parseHTML } from 'linkedom'

// Inline images as data URIs can be megabytes; they carry no text, and keeping them slows every pass.
const DATA_URI = /data:[^"'\s)]{512,}/g
// Readability turns `javascript:` links into plain text, which would hide link lists (slideshow
// captions, "open in popup" menus) from our link-density rules; a harmless `#` keeps them links.
const JS_HREF = /href\s*=\s*(?:"\s*javascript:[^"]*"|'\s*javascript:[^']*'|javascript:[^\s>]*)/gi
const STRAY_SKELETON = /<\/?(?:html|head|body)\b[^>]*>/gi
// `<!DOCTYPE …>` and XML declarations inside the body would become text nodes.
const DECLARATIONS = /<![A-Za-z][^>]*>|<\?[^>]*\?>/g

function attrsOf(html: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b([^>]*)>`, 'i').exec(html)
  // Keep only attributes we read (lang, dir): the rest may hold quotes the cut broke.
  const attrs = m?.[1] ?? ''
  const kept = attrs.match(/\b(?:lang|xml:lang|dir)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)
  return kept ? ' ' + kept.join(' ') : ''
}

/** The head and body markup of a page, however broken its skeleton is. */
export function splitPage(html: string): { head: string; body: string; htmlAttrs: string } {
  const src = html.replace(DATA_URI, 'data:,').replace(JS_HREF, 'href="#"')
  const headOpen = /<head\b[^>]*>/i.exec(src)
  const headClose = /<\/head\s*>/i.exec(src)
  let head = ''
  if (headOpen && headClose && headClose.index > headOpen.index) {
    head = src.slice(headOpen.index + headOpen[0].length, headClose.index)
  }
  const bodyOpen = /<body\b[^>]*>/i.exec(src)
  let start = 0
  if (bodyOpen) start = bodyOpen.index + bodyOpen[0].length
  else if (headClose) start = headClose.index + headClose[0].length
  else if (headOpen) start = headOpen.index
  const lastClose = src.toLowerCase().lastIndexOf('</body')
  const end = lastClose > start ? lastClose : src.length
  const body = src.slice(start, end).replace(STRAY_SKELETON, '').replace(DECLARATIONS, '')
  return { head, body, htmlAttrs: attrsOf(src, 'html') }
}

/** A whole page as a document whose every content node sits under <body>. */
export function parsePage(html: string): Document {
  const { head, body, htmlAttrs } = splitPage(html)
  const { document } = parseHTML(`<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`)
  return document as unknown as Document
}

/** Parses HTML that Readability produced (already well-formed) into a document. */
export function parseBody(inner: string): Document {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${inner}</body></html>`)
  return document as unknown as Document
}
