#!/usr/bin/env node
// tsc compiles only .ts: copy the non-code files the library reads at run time (SQL migrations, the dashboard's
// CSS and JS) into dist/.
import { cpSync, existsSync } from 'node:fs'

const assets = [
  ['src/store/sqlite/migrations', 'dist/store/sqlite/migrations'],
  ['src/store/postgres/migrations', 'dist/store/postgres/migrations'],
  ['src/web/static', 'dist/web/static'],
]
for (const [from, to] of assets) if (existsSync(from)) cpSync(from, to, { recursive: true })
