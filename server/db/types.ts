// The one small database interface both drivers implement. Repos see only this.

export type DriverName = 'pglite' | 'pg'

/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with $1..$n parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** An open transaction; exec runs a parameterless multi-statement script (migrations). */
export interface Tx extends Queryable {
  exec(sql: string): Promise<void>
  /**
   * Streams text-format COPY data (lines ending in \n) into a `COPY ... FROM STDIN` statement.
   * Server driver only: PGlite leaves it undefined and callers fall back to batched INSERTs.
   */
  copyFrom?(sql: string, data: string): Promise<void>
  /**
   * Backup and restore (server/ops/): text-format COPY of `source` (a table with its column
   * list, or a parenthesised SELECT) out of the database, chunk by chunk; and COPY of text-format
   * data into `target` (a table with its column list). Both drivers.
   */
  copyOut?(source: string): AsyncIterable<Uint8Array>
  copyIn?(target: string, data: string): Promise<void>
  /**
   * True inside a request's transaction under row-level security (db/scoped-db.ts): PostgreSQL
   * refuses COPY FROM into a table with policies then, so writers stage and INSERT instead.
   */
  rowSecurity?: boolean
}

export interface Db extends Queryable {
  readonly driver: DriverName
  /** Runs fn inside BEGIN/COMMIT on one connection; any throw rolls the whole transaction back. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** Connection use for /metrics: pg pool connections (total, idle, requests waiting); PGlite's one connection and its queue. */
  stats?(): DbStats
}

export interface DbStats {
  total: number
  idle: number
  waiting: number
}
