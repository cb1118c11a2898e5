// Listen, and close gracefully on SIGINT/SIGTERM; nothing else.
import { loadConfigOrExit } from './config.ts'
import { listUsers } from './repos/auth.ts'
import { startApp } from './start.ts'
import { schedulePulls } from './exchange/pull.ts'

async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const app = await startApp(config)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'closing')
      app.close().then(() => process.exit(0), () => process.exit(1))
    })
  }
  if (config.exchangePullMinutes > 0) {
    const stop = schedulePulls(app.serviceDb, config.exchangePullMinutes, app.log)
    app.addHook('onClose', async () => stop())
  }
  await app.listen({ port: config.port, host: config.host })
  app.log.info({ driver: app.db.driver, dataDir: app.db.driver === 'pglite' ? config.dataDir : undefined, auth: config.authMode ? 'on' : 'off' }, 'Sahel Routes ready')
  if (config.authMode && (await listUsers(app.serviceDb, null)).length === 0) {
    app.log.warn('AUTH=on and no users yet: nobody can sign in. Stop the service and add an admin with npm run users (docs/security.md)')
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
