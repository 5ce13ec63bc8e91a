// The lease heartbeat of a worker: a small process of its own with its own connection, extending the lease of the
// job being worked on every third of the lease. Not a timer in the worker: extraction is synchronous and can
// hold the worker's thread for seconds, and a timer would not fire until the job is over. Not a worker thread:
// the libpq binding registers its socket on the process's main event loop, whichever thread connects. The
// heartbeat reads job ids on its stdin and exits when that closes, so when the worker dies (even by SIGKILL) the
// beats stop, the lease runs out, and another worker takes the job.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

// Plain CommonJS run with `node -e`, so it works the same under tsx, from dist/, and in tests.
const CODE = `
const d = JSON.parse(process.env.PARLEY_HEARTBEAT)
delete process.env.PARLEY_HEARTBEAT
const Client = require(d.pgNative)
const c = new Client()
c.connectSync(d.url)
if (d.schema) c.querySync('SET search_path = ' + c.escapeIdentifier(d.schema))
let job = null
let warned = false
let rest = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (s) => {
  const lines = (rest + s).split('\\n')
  rest = lines.pop()
  for (const l of lines) job = l ? JSON.parse(l) : null
})
process.stdin.on('end', () => process.exit(0))
setInterval(() => {
  if (!job) return
  try {
    c.querySync("UPDATE jobs SET lease_until = now() + make_interval(secs => $3::double precision) WHERE id = $1 AND claim = $2 AND status = 'running'",
      [String(job.id), job.claim, String(d.leaseSeconds)])
  } catch (e) {
    if (!warned) process.stderr.write('worker: lease heartbeat failed: ' + String((e && e.message) || e).trim() + '\\n')
    warned = true
  }
}, Math.max(50, (d.leaseSeconds * 1000) / 3))
`

export interface Heartbeat {
  /** The job whose lease to keep alive, or null between jobs. */
  beat(job: { id: number; claim: string } | null): void
  stop(): void
}

export function startHeartbeat(url: string, schema: string | null, leaseSeconds: number): Heartbeat {
  const pgNative = createRequire(import.meta.url).resolve('pg-native')
  const child = spawn(process.execPath, ['-e', CODE], {
    stdio: ['pipe', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '', PARLEY_HEARTBEAT: JSON.stringify({ url, schema, leaseSeconds, pgNative }) },
  })
  child.unref()
  child.stdin.on('error', () => {}) // the heartbeat gone: leases run out, and the job's final claim check says so
  return {
    beat: (job) => void child.stdin.write((job ? JSON.stringify(job) : '') + '\n'),
    stop: () => child.stdin.end(),
  }
}
