#!/usr/bin/env node
// Runs every *.test.ts under src/ and tests/ with Node's own test runner (through tsx).
// Node 20's `--test` takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) find(p, out)
    else if (name.endsWith('.test.ts')) out.push(p)
  }
  return out
}

const only = process.argv.slice(2)
const files = only.length ? only : [...find('src'), ...find('tests')].sort()
// Only the PostgreSQL tests use the server in $PARLEY_DATABASE_URL, which they read as $PARLEY_TEST_DATABASE_URL:
// passed on as it is, it would send every other test's `parley` (and its own SQLite file) to the server.
const env = { ...process.env }
if (env.PARLEY_DATABASE_URL) {
  env.PARLEY_TEST_DATABASE_URL = env.PARLEY_DATABASE_URL
  delete env.PARLEY_DATABASE_URL
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
