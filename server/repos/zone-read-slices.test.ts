import { describe, expect, it } from 'vitest'
import type { Db, DbStats } from '../db/types.ts'
import { scopedDb } from '../db/scoped-db.ts'
import { zoneReadSlices } from './hotspots.ts'

const fakeDb = (driver: Db['driver'], stats?: DbStats): Db => ({
  driver,
  query: async () => [],
  transaction: async () => {
    throw new Error('not used')
  },
  close: async () => {},
  stats: stats && (() => stats),
})

describe('zoneReadSlices', () => {
  it('splits the res-7 zone read in two on the PostgreSQL server while no request waits for a connection', () => {
    expect(zoneReadSlices(fakeDb('pg', { total: 3, idle: 1, waiting: 0 }), 7)).toBe(2)
    expect(zoneReadSlices(fakeDb('pg', { total: 10, idle: 0, waiting: 0 }), 6)).toBe(2)
  })

  it('reads in one slice when requests wait, for the res-5 rows, and on PGlite', () => {
    expect(zoneReadSlices(fakeDb('pg', { total: 10, idle: 0, waiting: 3 }), 7)).toBe(1)
    expect(zoneReadSlices(fakeDb('pg', { total: 1, idle: 1, waiting: 0 }), 5)).toBe(1)
    expect(zoneReadSlices(fakeDb('pglite', { total: 1, idle: 1, waiting: 0 }), 7)).toBe(1)
  })

  it('sees the pool through the row-level-security wrapper requests read with', () => {
    expect(zoneReadSlices(scopedDb(fakeDb('pg', { total: 10, idle: 0, waiting: 3 })), 7)).toBe(1)
    expect(zoneReadSlices(scopedDb(fakeDb('pg', { total: 3, idle: 1, waiting: 0 })), 7)).toBe(2)
  })
})
