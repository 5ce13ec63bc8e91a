// `parley serve` as a real process: it prints its address, answers, and stops on SIGTERM; a bad port is a usage
// error. The process is ended by its own pid in every case, so a failing test never leaves a server running.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from './helpers/shared.js'

const CLI = [join(projectRoot, 'src/cli/main.ts')]

test('parley serve --port 0 prints its address on 127.0.0.1, serves the dashboard and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-serve-'))
  const child = spawn(process.execPath, ['--import', 'tsx', ...CLI, '--db', join(dir, 'p.db'), 'serve', '--port', '0'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      const timer = setTimeout(() => reject(new Error(`no address printed in 30 s: ${out}`)), 30_000)
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString()
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/timeline/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolve(m[1]!)
        }
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)))
    })
    const page = await fetch(`${url}/timeline`)
    assert.equal(page.status, 200)
    assert.match(await page.text(), /时间线/)
    assert.equal((await fetch(`${url}/api/documents`)).status, 200)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    assert.equal(await exited, 0)
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
})

test('parley serve --port abc is a usage error', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...CLI, '--db', join(tmpdir(), 'parley-serve-usage.db'), 'serve', '--port', 'abc'], { cwd: projectRoot, encoding: 'utf8' })
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /port/)
})
