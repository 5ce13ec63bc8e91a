// Expected failures are values (Result); crashes are exceptions. Every error names its input.
export class ParleyError extends Error {
  constructor(
    readonly stage: 'ingest' | 'normalize' | 'extract' | 'resolve' | 'store' | 'cli',
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${stage}: ${input}: ${problem}`)
    this.name = 'ParleyError'
  }
}

export type Result<T, E = ParleyError> = { ok: true; value: T } | { ok: false; error: E }
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error })
