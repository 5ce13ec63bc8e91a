// Runs the real command line in a child process (through tsx, as `npm run parley` does), asynchronously so a
// test can run several at once.
import { spawn, type SpawnOptions } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from './shared.js'

export interface Ran {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
}

export const MAIN = join(projectRoot, 'src/cli/main.ts')

export function parleyArgs(args: string[]): string[] {
  return ['--import', 'tsx', MAIN, ...args]
}

export function runParley(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; spawn?: SpawnOptions; timeoutMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...opts.env }
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k]
    const child = spawn(process.execPath, parleyArgs(args), { cwd: projectRoot, env, ...opts.spawn })
    let out = ''
    let err = ''
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, out, err })
    })
    child.stdin?.end(opts.input ?? '')
  })
}

export const tempDir = (prefix = 'parley-'): string => mkdtempSync(join(tmpdir(), prefix))

/** No stack trace: no "    at f (file:line)" lines, no "Error:" dumps of a whole object. */
export function hasStack(s: string): boolean {
  return /^\s+at .+[:(]/m.test(s) || /node:internal|SqliteError|ZodError/.test(s)
}

/** Runs many invocations, a few at a time (each is a whole Node process). */
export async function runMany(list: string[][], at = 4, opts: Parameters<typeof runParley>[1] = {}): Promise<Ran[]> {
  const out: Ran[] = new Array(list.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const i = next++
      out[i] = await runParley(list[i]!, opts)
    }
  }
  await Promise.all(Array.from({ length: Math.min(at, list.length) }, worker))
  return out
}
