// What /metrics reads from the database at scrape time.
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable } from '../db/types.ts'

export interface ImportTotals {
  status: string
  imports: number
  rows_read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
}

/** Imports and their rows by status, over every agency. */
export async function importTotals(db: Queryable): Promise<ImportTotals[]> {
  return db.query<ImportTotals>(sqlFile('metrics/imports'))
}
