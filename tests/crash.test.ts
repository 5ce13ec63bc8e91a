// Crash safety: `parley ingest` killed with SIGKILL at random points of a run, several times; the database stays
// sound (integrity_check), nothing half-written is visible (every document has its match row and extraction),
// and a re-run finishes with every article stored once.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { projectRoot } from './helpers/shared.js'
import { parleyArgs, runParley, tempDir } from './helpers/cli.js'

function killAfter(args: string[], ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, parleyArgs(args), { cwd: projectRoot, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      resolve(signal)
    })
  })
}

function sound(db: string): { docs: number } {
  const raw = new Database(db, { readonly: true })
  try {
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok')
    const docs = raw.prepare('SELECT count(*) FROM documents').pluck().get() as number
    // A document is written with its match row, its FTS entry and its extraction in one transaction.
    assert.equal(raw.prepare('SELECT count(*) FROM document_match').pluck().get(), docs)
    assert.equal(raw.prepare('SELECT count(*) FROM extractions').pluck().get(), docs)
    assert.equal(raw.prepare('SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM document_match)').pluck().get(), 0)
    return { docs }
  } finally {
    raw.close()
  }
}

test('SIGKILL at random points of an ingest: the database stays sound and a re-run completes without duplicates', async () => {
  const dir = tempDir('parley-crash-')
  const input = join(dir, 'in')
  mkdirSync(input)
  const N = 60
  for (let i = 0; i < N; i++) writeFileSync(join(input, `a${String(i).padStart(2, '0')}.txt`), `第${i}篇：两国外长${(i % 27) + 1}日在利雅得举行会谈，双方同意就第${i}号议题继续磋商。${'会谈持续了四个半小时。'.repeat(20)}`)
  const db = join(dir, 'p.db')
  // A first run creates the database, so that each kill below lands in the middle of writing documents.
  assert.equal((await runParley(['--db', db, 'ingest', join(input, 'a00.txt')])).code, 0)
  const kills: number[] = []
  let previous = sound(db).docs
  for (let k = 0; k < 4 && previous < N; k++) {
    const ms = 1500 + Math.floor(Math.random() * 3000)
    const signal = await killAfter(['--db', db, 'ingest', input], ms)
    kills.push(ms)
    const now = sound(db).docs
    assert.ok(now >= previous, 'nothing stored is lost')
    previous = now
    if (signal !== 'SIGKILL') break // the run finished before the kill
  }
  const rerun = await runParley(['--db', db, 'ingest', input, '--format', 'json'])
  assert.equal(rerun.code, 0, rerun.err)
  const s = JSON.parse(rerun.out) as { newDocs: number; failed: number }
  assert.equal(s.failed, 0)
  assert.equal(s.newDocs, N - previous, `kills at ${kills.join(', ')} ms`)
  assert.equal(sound(db).docs, N)
})
