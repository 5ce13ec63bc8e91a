// Every export read back with a standard parser (csv-parse for CSV and the CAMEO TSV, ical.js for iCalendar,
// JSON.parse for PLOVER JSON and JSON Lines) and checked against the stored record; and through the CLI once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest } from '../src/pipeline/ingest.js'
import { ensureRecord } from '../src/pipeline/record.js'
import { CAMEO_TSV_COLUMNS, rows, toCameoTsv, toCsv, toIcs, toJsonl, toPlover, TABLES } from '../src/resolve/formats.js'
import type { MergedEvent } from '../src/core/index.js'
import { projectRoot } from './helpers/shared.js'

const fixtures = join(projectRoot, 'tests', 'fixtures', 'resolve')

async function stored() {
  const store = openSqliteStore(':memory:')
  await ingest(store, [fixtures])
  ensureRecord(store)
  const t = { events: store.listMergedEvents(), anchors: store.listAnchors(), reprints: store.listReprints() }
  store.close()
  return t
}

const byId = (events: MergedEvent[]) => new Map(events.map((e) => [e.id, e]))

test('export csv: every table parses back with csv-parse, one row per stored item, fields as stored', async () => {
  const t = await stored()
  assert.ok(t.events.length >= 4 && t.reprints.length === 1)
  for (const table of TABLES) {
    const csv = toCsv(rows(t, table))
    const parsed = parse(csv, { columns: true }) as Record<string, string>[]
    assert.equal(parsed.length, rows(t, table).length, table)
  }
  const events = parse(toCsv(rows(t, 'events')), { columns: true }) as Record<string, string>[]
  const ids = byId(t.events)
  for (const r of events) {
    const e = ids.get(r.id!)!
    assert.equal(r.date, e.date ?? '')
    assert.equal(Number(r.sources), e.sources)
    assert.equal(r.summary_zh, e.summary.zh) // Chinese, commas and all, survive quoting
  }
  const reports = parse(toCsv(rows(t, 'reports')), { columns: true }) as Record<string, string>[]
  assert.equal(reports.length, t.events.reduce((n, e) => n + e.reports.length, 0))
  for (const r of reports) assert.ok(ids.get(r.event_id!)!.reports.some((x) => x.docId === r.doc_id && x.sentence === r.sentence))
})

test('export cameo-tsv: GDELT-style columns, codes, quad class and Goldstein score per event', async () => {
  const t = await stored()
  const parsed = parse(toCameoTsv(t.events), { columns: true, delimiter: '\t', quote: false }) as Record<string, string>[]
  assert.deepEqual(Object.keys(parsed[0]!), [...CAMEO_TSV_COLUMNS])
  assert.equal(parsed.length, t.events.length)
  const ids = byId(t.events)
  for (const r of parsed) {
    const e = ids.get(r.GlobalEventID!)!
    assert.equal(r.Day, e.date?.replaceAll('-', '') ?? '')
    assert.equal(r.EventCode, e.cameo)
    assert.equal(Number(r.QuadClass), e.quadClass)
    assert.equal(r.GoldsteinScale, e.goldstein === null ? '' : String(e.goldstein))
    assert.equal(Number(r.NumSources), e.sources)
    assert.equal(r.Actor1Name, e.source?.name ?? '')
  }
  const talks = parsed.find((r) => r.Day === '20250410')!
  assert.deepEqual([talks.Actor1Code, talks.Actor2Code].sort(), ['RUSGOV', 'USAGOV'])
  assert.equal(talks.GoldsteinScale, '7') // 046 Engage in negotiation
  assert.equal(talks.QuadClass, '1')
})

test('export ics: ical.js reads one VEVENT per day-dated event with its summary and status', async () => {
  const t = await stored()
  const comp = new ICAL.Component(ICAL.parse(toIcs(t.events, '2025-05-01T00:00:00.000Z')))
  const vevents = comp.getAllSubcomponents('vevent')
  const dated = t.events.filter((e) => e.datePrecision === 'day')
  assert.equal(vevents.length, dated.length)
  const ids = byId(t.events)
  for (const v of vevents) {
    const ev = new ICAL.Event(v)
    const e = ids.get(ev.uid.replace(/@parley$/, ''))!
    assert.equal(ev.summary, e.summary.en)
    assert.equal(ev.startDate.toString(), e.date)
    assert.ok(ev.description.startsWith(e.summary.zh), 'the Chinese summary survives folding and escaping')
    assert.equal(v.getFirstPropertyValue('status'), e.modality === 'planned' ? 'TENTATIVE' : 'CONFIRMED')
  }
})

test('export plover-json and jsonl parse back to the stored events', async () => {
  const t = await stored()
  const plover = JSON.parse(JSON.stringify(toPlover(t.events))) as { event_id: string; event_type: string | null; mode: string | null; source: { wikidata: string | null; code: string | null } | null; num_sources: number }[]
  const ids = byId(t.events)
  assert.equal(plover.length, t.events.length)
  for (const p of plover) assert.equal(p.num_sources, ids.get(p.event_id)!.sources)
  assert.ok(plover.some((p) => p.event_type === 'CONSULT' && p.mode === 'phone'))
  const lines = toJsonl(t.events).trimEnd().split('\n').map((l) => JSON.parse(l) as MergedEvent)
  assert.deepEqual(lines, t.events)
})

test('parley export --format cameo-tsv and parley timeline through the command line', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'parley-export-')), 'p.db')
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8', cwd: projectRoot })
  assert.equal(run('ingest', fixtures).status, 0)
  const tsv = run('export', '--format', 'cameo-tsv', '--actor', '泽连斯基')
  assert.equal(tsv.status, 0, tsv.stderr)
  const parsed = parse(tsv.stdout, { columns: true, delimiter: '\t', quote: false }) as Record<string, string>[]
  assert.equal(parsed.length, 1)
  assert.equal(parsed[0]!.Actor2Name, 'Volodymyr Zelenskyy')
  const tl = run('timeline', '--from', '2025-04-10', '--to', '2025-04')
  assert.equal(tl.status, 0, tl.stderr)
  assert.match(tl.stdout, /2025-04-10 meeting .* · 2 sources/)
  assert.doesNotMatch(tl.stdout, /2025-04-02/)
  assert.equal(run('export', '--format', 'nope').status, 2, 'a wrong format is a usage error (exit 2)')
})
