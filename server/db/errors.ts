// Which database errors mean "the database is not reachable right now" (answer 503 and let the
// client retry) rather than "this request is wrong" or "this is a bug".

// PostgreSQL SQLSTATEs of class 08 (connection exception) and 57P0x (server shutting down/restarting)
const UNAVAILABLE_SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03'])
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])

/** True when err says the database server cannot be reached or is restarting. */
export function isDbUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: string }).code
  if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(err.message)
}

/** Seconds a client should wait before retrying while the database is unavailable. */
export const RETRY_AFTER_S = 5
