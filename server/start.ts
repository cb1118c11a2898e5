// Everything between "process starts" and "app ready": open the configured database, migrate,
// load changed geodata, build the app. Shared by main.ts, the tests' build helper and the bench.
import { buildApp, type App } from './app.ts'
import type { Config } from './config.ts'
import { migrate } from './db/migrate.ts'
import { openDb } from './db/open.ts'
import { seedDemoIncidents } from './import/seed-demo.ts'
import { loadGeodata } from './load-geodata.ts'
import { ensureIdentity, keyFilePath } from './exchange/identity.ts'

/** Opens, migrates and seeds the database, then builds the app; closing the app closes the db. */
export async function startApp(config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'logLevel' | 'demoData' | 'embedOrigins' | 'corsOrigins' | 'rateLimitPerMin' | 'authMode' | 'trustProxy' | 'exchangeKeyFile' | 'metricsToken'>>): Promise<App> {
  const db = await openDb(config)
  try {
    await migrate(db)
    await loadGeodata(db)
    if (config.demoData) await seedDemoIncidents(db)
    // the exchange identity: an instance id, and the key pair at first start
    await ensureIdentity(db, keyFilePath(config))
  } catch (err) {
    await db.close()
    throw err
  }
  const app = await buildApp({ db, logger: config.logLevel && config.logLevel !== 'silent' ? { level: config.logLevel } : false, embedOrigins: config.embedOrigins, corsOrigins: config.corsOrigins, rateLimitPerMin: config.rateLimitPerMin, authMode: config.authMode, trustProxy: config.trustProxy, exchangeKeyFile: keyFilePath(config), metricsToken: config.metricsToken })
  app.addHook('onClose', async () => db.close())
  return app
}
