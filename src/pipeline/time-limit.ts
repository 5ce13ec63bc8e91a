// A time limit for synchronous work. Extraction is plain synchronous code: a timer in the same thread can never
// fire while it runs, so a pathological document would hang the batch. The work runs instead in a worker thread
// (one kept for many calls, since loading the lexicon there takes seconds); a call that takes longer than the
// limit terminates the worker and comes back as a failure, and the next call starts a fresh worker.
//
// The worker module calls `serveTimeLimited(fn, setup)`: setup runs once (loading data, a warm-up call) before
// the worker says it is ready, so the limit measures each call alone, never the start-up.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

export type Limited<O> = { ok: true; value: O } | { ok: false; problem: string; timedOut: boolean }

export interface TimeLimited<I, O> {
  /** Runs one call in the worker; calls are served one after another in the order made. */
  run(input: I): Promise<Limited<O>>
  /** Stops the worker (if one is running); later calls start a new one. */
  close(): Promise<void>
}

type FromWorker = { kind: 'ready' } | { kind: 'done'; value: unknown } | { kind: 'failed'; problem: string }

/** `ms` is the limit per call; `data` goes to the worker's setup as `workerData`. */
export function withTimeLimit<I, O>(workerFile: URL, ms: number, data?: unknown): TimeLimited<I, O> {
  if (!(ms > 0) || !Number.isFinite(ms)) throw new RangeError(`time limit must be a positive number of milliseconds, not ${ms}`)
  // The live worker and the one call in flight on it (it answers, fails, or the timer ends it). Each worker has
  // its own record, so a terminated worker's late exit never touches the call its successor serves.
  type Live = { w: Worker; ready: Promise<void>; pending: ((m: FromWorker) => void) | null }
  let live: Live | null = null
  let queue: Promise<unknown> = Promise.resolve()

  const start = (): Live => {
    const w = spawn(workerFile, data)
    const me: Live = { w, ready: Promise.resolve(), pending: null }
    me.ready = new Promise<void>((resolve, reject) => {
      const stop = (problem: string): void => {
        if (live === me) live = null
        reject(new Error(problem))
        me.pending?.({ kind: 'failed', problem })
        me.pending = null
      }
      w.on('message', (m: FromWorker) => {
        if (m.kind === 'ready') return resolve()
        const p = me.pending
        me.pending = null
        p?.(m)
      })
      w.on('error', (e) => stop(`the worker failed: ${e.message.split('\n')[0]}`))
      w.on('exit', (code) => stop(`the worker stopped (exit code ${code})`))
    })
    me.ready.catch(() => undefined) // awaited by the caller; this only keeps an early failure from going unhandled
    return me
  }

  const call = async (input: I): Promise<Limited<O>> => {
    const me = (live ??= start())
    try {
      await me.ready
    } catch (e) {
      return { ok: false, problem: (e as Error).message, timedOut: false }
    }
    return new Promise<Limited<O>>((resolve) => {
      const timer = setTimeout(() => {
        me.pending = null
        if (live === me) live = null
        void me.w.terminate()
        resolve({ ok: false, problem: `took longer than ${seconds(ms)}, the time limit per document`, timedOut: true })
      }, ms)
      me.pending = (m) => {
        clearTimeout(timer)
        resolve(m.kind === 'done' ? { ok: true, value: m.value as O } : { ok: false, problem: m.kind === 'failed' ? m.problem : 'no answer', timedOut: false })
      }
      me.w.postMessage(input)
    })
  }

  return {
    run(input: I) {
      const next = queue.then(() => call(input))
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      const me = live
      live = null
      if (me) {
        me.w.removeAllListeners('exit')
        await me.w.terminate()
      }
    },
  }
}

/**
 * A worker from a compiled .js file is started as is. From a .ts file (tests, `tsx src/cli/main.ts`), Node 20 does
 * not carry tsx's loader into worker threads, so a two-line bootstrap registers it there first.
 */
function spawn(file: URL, data: unknown): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData: data })
  const api = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`
  return new Worker(boot, { eval: true, workerData: data })
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(ms < 1000 ? 3 : 1)} s`)

/**
 * The worker's side: runs `setup(workerData)` once, says it is ready, then answers each message with `fn`'s value.
 * A throw in `fn` is answered as a failure (its first line), and the worker serves the next call.
 */
export async function serveTimeLimited<I, O, S>(setup: (data: unknown) => S | Promise<S>, fn: (input: I, state: S) => O): Promise<void> {
  if (isMainThread || !parentPort) throw new Error('serveTimeLimited runs in a worker thread only')
  const port = parentPort
  const state = await setup(workerData)
  port.on('message', (input: I) => {
    try {
      port.postMessage({ kind: 'done', value: fn(input, state) })
    } catch (e) {
      port.postMessage({ kind: 'failed', problem: String((e as Error)?.message ?? e).split('\n')[0] })
    }
  })
  port.postMessage({ kind: 'ready' })
}
