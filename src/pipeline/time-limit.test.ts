import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { withTimeLimit } from './time-limit.js'
import { projectRoot } from '../../tests/helpers/shared.js'

const BUSY = pathToFileURL(join(projectRoot, 'tests/fixtures/workers/busy.ts'))
type In = { spinMs?: number; fail?: string; n: number }
type Out = { twice: number; thread: number }

test('a call over the limit fails as timed out; the next call is served by a fresh worker', async () => {
  // A slow start-up (1 s) is not counted against the 800 ms limit of the first call.
  const limited = withTimeLimit<In, Out>(BUSY, 800, { setupMs: 1000 })
  try {
    const first = await limited.run({ n: 1 })
    assert.ok(first.ok, JSON.stringify(first))
    const started = Date.now()
    const stuck = await limited.run({ n: 2, spinMs: 60_000 })
    assert.ok(Date.now() - started < 10_000, `ended after ${Date.now() - started} ms`)
    assert.deepEqual(stuck, { ok: false, problem: 'took longer than 0.800 s, the time limit per document', timedOut: true })
    const after = await limited.run({ n: 3 })
    assert.ok(after.ok)
    assert.equal(after.value.twice, 6)
    assert.notEqual(after.value.thread, first.value.thread, 'the stuck worker was replaced')
  } finally {
    await limited.close()
  }
})

test('a throw in the worker is a failure with its first line; calls queue in order on one worker', async () => {
  const limited = withTimeLimit<In, Out>(BUSY, 5000)
  try {
    const [a, b, c] = await Promise.all([limited.run({ n: 1, spinMs: 50 }), limited.run({ n: 2, fail: 'bad input' }), limited.run({ n: 3 })])
    assert.ok(a.ok && c.ok)
    assert.deepEqual([a.value.twice, c.value.twice], [2, 6])
    assert.equal(a.value.thread, c.value.thread, 'a failure does not cost the worker')
    assert.deepEqual(b, { ok: false, problem: 'bad input', timedOut: false })
  } finally {
    await limited.close()
  }
  assert.throws(() => withTimeLimit(BUSY, 0), /positive/)
})
