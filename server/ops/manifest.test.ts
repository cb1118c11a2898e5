import { describe, expect, it } from 'vitest'
import { loadOrder, newerSchemaMessage, parseManifest, unknownMigrations } from './manifest.ts'

const valid = {
  format: 'sahel-routes-backup',
  formatVersion: 1,
  createdAt: '2026-12-05T00:00:00.000Z',
  driver: 'pglite',
  scope: 'all',
  migrations: ['001_geodata.sql', '002_route_history.sql'],
  tables: [{ name: 'views', entry: 'tables/views.copy.gz', columns: [{ name: 'id', type: 'text' }], rows: 2, sha256: 'a'.repeat(64), refs: [] }],
  sequences: [{ name: 'imports_id_seq', lastValue: '12', startValue: '1' }],
}

describe('manifest', () => {
  it('parses a valid manifest', () => {
    expect(parseManifest(JSON.stringify(valid)).tables[0].rows).toBe(2)
  })

  it('refuses a manifest of another format version with a clear message', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, formatVersion: 2 }))).toThrow('archive format version 2 is not 1: it was written by a newer version of Sahel Routes')
  })

  it('refuses a table entry without a valid SHA-256', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, tables: [{ ...valid.tables[0], sha256: 'xyz' }] }))).toThrow('manifest entry of table "views" is malformed')
  })

  it('refuses text that is not JSON', () => {
    expect(() => parseManifest('{"format": ')).toThrow('corrupted archive: manifest.json is not JSON')
  })

  it('names the migrations this version does not know', () => {
    const unknown = unknownMigrations({ migrations: ['001_geodata.sql', '099_future.sql'] }, ['001_geodata.sql', '002_route_history.sql'])
    expect(unknown).toEqual(['099_future.sql'])
    expect(newerSchemaMessage(unknown)).toContain('migration 099_future.sql, which this version of Sahel Routes does not have')
  })

  it('orders tables after the tables they reference', () => {
    const order = loadOrder([
      { name: 'incidents', refs: ['imports', 'sources', 'agencies'] },
      { name: 'imports', refs: ['agencies'] },
      { name: 'agencies', refs: [] },
      { name: 'sources', refs: [] },
      { name: 'views', refs: ['not-in-archive'] },
    ]).map((t) => t.name)
    expect(order).toEqual(['agencies', 'imports', 'sources', 'incidents', 'views'])
  })

  it('refuses a reference cycle', () => {
    expect(() => loadOrder([{ name: 'a', refs: ['b'] }, { name: 'b', refs: ['a'] }])).toThrow('cycle')
  })
})
