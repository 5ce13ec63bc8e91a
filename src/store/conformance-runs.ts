// Conformance for ingest runs: summaries, failures, and what a resumed run may skip.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ParleyError } from '../core/errors.js'
import { sha, using, type OpenStore } from './conformance-fixtures.js'
import type { FileRecord } from './store.js'

const file = (path: string, status: FileRecord['status'], documents: number, reason: string | null = null): FileRecord => ({
  path,
  sha256: sha(path.at(-1) ?? '0'),
  status,
  documents,
  reason,
})

export function runsConformance(open: OpenStore): void {
  test('a run and its files add up to its summary', using(open, (s) => {
    const id = s.beginRun(['feeds/', 'https://example.cn/rss.xml'])
    s.recordFile(id, file('feeds/1', 'new', 3))
    s.recordFile(id, file('feeds/2', 'known', 2))
    s.recordFile(id, file('feeds/3', 'failed', 0, 'not valid UTF-8 and no charset found'))
    s.recordFile(id, file('feeds/4', 'empty', 0))
    const summary = s.finishRun(id)
    assert.deepEqual({ ...summary, startedAt: '', finishedAt: '' }, {
      id, startedAt: '', finishedAt: '', inputs: ['feeds/', 'https://example.cn/rss.xml'], newDocs: 3, knownDocs: 2, failedFiles: 1,
    })
    assert.ok(summary.finishedAt !== null && summary.startedAt <= summary.finishedAt)
    assert.deepEqual(s.listRuns()[0], summary)
  }))

  test('listRuns: newest first, limited; an unfinished run has no finish time', using(open, (s) => {
    const r1 = s.beginRun(['a'])
    s.finishRun(r1)
    const r2 = s.beginRun(['b'])
    const r3 = s.beginRun(['c'])
    assert.ok(r1 < r2 && r2 < r3)
    const runs = s.listRuns(2)
    assert.deepEqual(runs.map((r) => r.id), [r3, r2])
    assert.equal(runs[0]?.finishedAt, null)
    assert.deepEqual(runs[0]?.inputs, ['c'])
    assert.equal(s.listRuns().length, 3)
    assert.equal(s.listRuns().at(-1)?.finishedAt?.length, 24)
  }))

  test('listFailures gives whole records, of one run or all', using(open, (s) => {
    const r1 = s.beginRun(['x'])
    const r2 = s.beginRun(['y'])
    const r3 = s.beginRun(['z'])
    const f1 = file('x/a', 'failed', 0, 'truncated feed')
    const f2 = file('y/b', 'failed', 0, 'HTTP 404')
    s.recordFile(r1, f1)
    s.recordFile(r1, file('x/c', 'new', 1))
    s.recordFile(r2, f2)
    s.recordFile(r3, file('z/d', 'known', 1))
    assert.deepEqual(s.listFailures(), [f1, f2])
    assert.deepEqual(s.listFailures(r2), [f2])
    assert.deepEqual(s.listFailures(r3), [])
  }))

  test('fileDone: only files fully handled count', using(open, (s) => {
    const r = s.beginRun(['in/'])
    s.recordFile(r, file('in/1', 'new', 2))
    s.recordFile(r, file('in/2', 'known', 1))
    s.recordFile(r, file('in/3', 'empty', 0))
    s.recordFile(r, file('in/4', 'failed', 0, 'unreadable'))
    assert.equal(s.fileDone(sha('1')), true)
    assert.equal(s.fileDone(sha('2')), true)
    assert.equal(s.fileDone(sha('3')), true)
    assert.equal(s.fileDone(sha('4')), false, 'a failed file is tried again')
    assert.equal(s.fileDone(sha('9')), false)
    s.recordFile(s.beginRun(['in/']), file('in/4', 'new', 1)) // a later run succeeded
    assert.equal(s.fileDone(sha('4')), true)
  }))

  test('run errors name the run or the file', using(open, (s) => {
    assert.throws(() => s.recordFile(999, file('a/1', 'new', 1)), (e) => e instanceof ParleyError && /run 999: no such run/.test(e.message))
    assert.throws(() => s.finishRun(999), /run 999: no such run/)
    const r = s.beginRun([])
    assert.throws(() => s.recordFile(r, { ...file('a/1', 'new', 1), sha256: 'xyz' }), /store: a\/1: .*sha256/)
    assert.throws(() => s.recordFile(r, { ...file('a/1', 'new', 1), documents: -1 }), /a\/1/)
    assert.deepEqual(s.listFailures(r), [])
    assert.equal(s.finishRun(r).newDocs, 0)
  }))
}
