// Exchange instances for tests: an app on its own database copy, with its own key file and
// identity, and the partner, import, export and merge calls the exchange tests make through the API.
import { join } from 'node:path'
import { expect } from 'vitest'
import type { App } from '../../server/app.ts'
import { getIdentity, setIdentity, type Identity } from '../../server/repos/exchange.ts'
import { startApp } from '../../server/start.ts'
import { copyTemplate, type DriverName } from './databases.ts'
import { multipart } from './multipart.ts'

export interface Instance {
  app: App
  identity: Identity
  close: () => Promise<void>
}

/** An instance of `state` and `agency` on `driver`, its key pair in `keyDir/<key>.pem`. */
export async function instance(driver: DriverName, keyDir: string, key: string, state: string, agency: string): Promise<Instance> {
  const { config, drop } = await copyTemplate(driver)
  const app = await startApp({ ...config, demoData: false, exchangeKeyFile: join(keyDir, `${key}.pem`) })
  await setIdentity(app.serviceDb, state, agency)
  return {
    app,
    identity: (await getIdentity(app.serviceDb))!,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

/** Registers `other` as a partner of `on` through the admin API. */
export async function register(on: Instance, name: string, other: Instance, levels: string[], extra: Record<string, string> = {}) {
  return on.app.inject({
    method: 'POST',
    url: '/api/exchange/partners',
    payload: { name, instance_id: other.identity.instance_id, state: other.identity.state_iso3, agency: other.identity.agency_name, public_key: other.identity.public_key, levels, ...extra },
  })
}

/** A CSV of incidents [source id, dead], one a row, 0.1° apart from 14°N 6°E, dated over 2023. */
export const incidentCsv = (rows: [string, number][], start: [number, number] = [14, 6]) =>
  `id,latitude,longitude,date,threat,dead\n${rows.map(([id, dead], i) => `${id},${(start[0] + i * 0.1).toFixed(2)},${(start[1] + i * 0.1).toFixed(2)},2023-0${1 + (i % 9)}-15,migration_trafficking,${dead}`).join('\n')}\n`

/** Imports the rows as `dataset` at `sharing` through the API; returns the import report. */
export async function importCsv(app: App, dataset: string, sharing: string, rows: [string, number][], partners = '', start?: [number, number]) {
  const { payload, headers } = multipart({ format: 'csv', dataset, credit: `${dataset} credit`, sharing, ...(partners ? { partners } : {}) }, { name: `${dataset}.csv`, content: incidentCsv(rows, start) })
  const res = await app.inject({ method: 'POST', url: '/api/imports', payload, headers })
  expect([200, 201]).toContain(res.statusCode)
  return res.json()
}

/** A bundle `from` writes for its partner named `partner`. */
export async function exportTo(from: Instance, partner: string, query = ''): Promise<Buffer> {
  const res = await from.app.inject({ method: 'POST', url: `/api/exchange/partners/${partner}/bundle${query}` })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('application/octet-stream')
  return res.rawPayload
}

/** Uploads a bundle to `into`; the raw response. */
export async function merge(into: Instance, bytes: Buffer) {
  return into.app.inject({ method: 'POST', url: '/api/exchange/bundles', payload: bytes, headers: { 'content-type': 'application/octet-stream' } })
}
