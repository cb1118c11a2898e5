// build(): an app on a fresh copy of the template database of one driver, for app.inject.
import { startApp } from '../../server/start.ts'
import type { Config } from '../../server/config.ts'
import type { App } from '../../server/app.ts'
import { copyTemplate, type DriverName } from './databases.ts'

export interface TestApp {
  app: App
  driver: DriverName
  /** the PGlite data folder of this copy ('' on the server driver) */
  dataDir: string
  /** Closes the app and drops its database copy. */
  close: () => Promise<void>
}

/** Builds the app on its own copy of the prepared database (options such as authMode on top); call close() in afterAll. */
export async function build(driver: DriverName, options: Partial<Pick<Config, 'authMode' | 'rateLimitPerMin' | 'demoData' | 'metricsToken'>> = {}): Promise<TestApp> {
  const { config, drop } = await copyTemplate(driver)
  const app = await startApp({ ...config, ...options })
  return {
    app,
    driver,
    dataDir: config.dataDir,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}
