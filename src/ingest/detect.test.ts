import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectFormat } from './detect.js'

test('a feed is a feed whatever its file is called', () => {
  assert.equal(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>', 'saved.txt'), 'rss')
  assert.equal(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', 'download'), 'atom')
  assert.equal(detectFormat('{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}', 'feed'), 'jsonfeed')
})

test('feed-export items are recognised by their three-line head', () => {
  assert.equal(detectFormat('<!--1739864342000-->\n[标题](https://example.org/a)\n------\n\n<p>正文</p>', 'x.html'), 'feed-export')
  assert.equal(detectFormat('<!-- a comment -->\n<html><body><p>正文</p></body></html>', 'x.txt'), 'html')
})

test('HTML is found by its markup, with or without a doctype or extension', () => {
  assert.equal(detectFormat('<!DOCTYPE html><html><head><title>t</title></head></html>', 'page'), 'html')
  assert.equal(detectFormat('<div><p>一</p><p>二</p><p>三</p><br><p>四</p></div>', 'fragment.txt'), 'html')
  assert.equal(detectFormat('<html><body><div class="mw-parser-output"><p>条目</p></div></body></html>', 'a.html'), 'wiki')
})

test('plain text, and plain-text copies of wiki pages', () => {
  assert.equal(detectFormat('标题\n\n正文第一段。\n正文第二段。', 'a.html.txt'), 'text')
  assert.equal(detectFormat('跳转到内容\n\n条目名\n\n维基百科,自由的百科全书\n\n正文。', 'a.txt'), 'wiki')
  assert.equal(detectFormat('條目\n\n背景\n\n[編輯]\n\n正文。\n\n反應\n\n[編輯]\n\n正文。', 'b.txt'), 'wiki')
  // Text that merely mentions a tag is still text.
  assert.equal(detectFormat('如何在网页里写 <p> 标签：这是一篇教程。', 'c.txt'), 'text')
})
