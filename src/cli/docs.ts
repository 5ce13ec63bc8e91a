import type { Command } from 'commander'
import type { Document } from '../core/index.js'
import { dateCell, dbPath, printJson, withStore, formatOption, isoCell, noteMore } from './context.js'
import { limitOption, sinceOption, untilOption } from './options.js'
import { renderTable } from './table.js'
import { searchDocuments } from '../pipeline/search.js'

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('list stored documents, newest first')
    .addOption(limitOption(50))
    .addOption(sinceOption('published on or after'))
    .addOption(untilOption('published on or before'))
    .addOption(formatOption())
    .action((opts: { limit: number; since?: string; until?: string; format: string }) => {
      const fmt = opts.format
      const filter = { limit: opts.limit, since: opts.since, until: opts.until }
      const [docs, total] = withStore(dbPath(program.opts().db), (s) => [s.listDocuments(filter), s.countDocuments({ since: opts.since, until: opts.until })] as const)
      noteMore(docs.length, total, 'documents')
      if (fmt === 'json') return printJson(docs)
      console.log(renderTable(['id', 'published', 'format', 'script', 'chars', 'title'], docs.map((d) => [d.id, dateCell(d.published), d.format, d.script, String(d.chars), d.title]), [16, 17, 11, 11, 6, 60]))
    })

  program
    .command('show')
    .description('one document: its metadata, sources and text')
    .argument('<id>', 'document id or a unique prefix of it')
    .addOption(formatOption())
    .action((id: string, opts: { format: string }) => {
      const fmt = opts.format
      const doc = withStore(dbPath(program.opts().db), (s) => s.getDocument(id))
      if (!doc) {
        console.error(`show: no document with id ${id}`)
        process.exitCode = 1
        return
      }
      if (fmt === 'json') return printJson(doc)
      console.log(describe(doc))
    })

  program
    .command('search')
    .description('full-text search; either script finds both (烏克蘭 finds 乌克兰)')
    .argument('<text...>', 'words to find (all must occur)')
    .addOption(limitOption(20))
    .addOption(formatOption())
    .action((words: string[], opts: { limit: number; format: string }) => {
      const fmt = opts.format
      const hits = withStore(dbPath(program.opts().db), (s) => searchDocuments(s, words.join(' '), { limit: opts.limit }))
      if (fmt === 'json') return printJson(hits)
      if (!hits.length) return console.log('no matches')
      console.log(renderTable(['id', 'published', 'title', 'snippet'], hits.map((h) => [h.id, dateCell(h.published), h.title, h.snippet.replace(/\s+/g, ' ')]), [16, 17, 30, 70]))
    })
}

export function describe(doc: Document): string {
  const p = doc.published
  const lines = [
    doc.title,
    '',
    `id         ${doc.id}`,
    `origin     ${doc.origin}${doc.part ? ` #${doc.part}` : ''}`,
    `format     ${doc.format} (${doc.encoding})`,
    `url        ${doc.url ?? '-'}`,
    `outlet     ${doc.outlet ?? '-'}`,
    `published  ${isoCell(p.at)} (precision ${p.precision}, from ${p.source}${p.raw ? `: "${p.raw}"` : ''})`,
    `script     ${doc.script}`,
    `sentences  ${doc.sentences.length}`,
  ]
  if (doc.references.length) {
    lines.push('', `references (${doc.references.length})`)
    for (const r of doc.references) lines.push(`  [${r.n}] ${r.outlet ?? '-'} | ${r.title} | ${r.date ?? r.accessed ?? '-'} | ${r.language ?? '-'}`)
  }
  lines.push('', doc.text)
  return lines.join('\n')
}
