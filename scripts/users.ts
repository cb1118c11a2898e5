// npm run users -- agency add --name NAME --state ISO3
//                  agency list
//                  user add --username NAME --agency NAME|ID --role viewer|analyst|planner|admin
//                       [--password-stdin] [--expires YYYY-MM-DD]
//                  user list
//                  user revoke --username NAME
//                  token add --username NAME --label TEXT [--days 90]
//                  token revoke --id N
// Bootstraps access control (AUTH=on) on the configured database (DATABASE_URL or the embedded
// DATA_DIR): the first agencies, admins and API tokens of a fresh install, which then manage the
// rest through /api/admin. A password is read from stdin (--password-stdin), never from the
// command line, where it would stay in the shell history and the process list. A new token is
// printed once, alone on stdout (the rest goes to stderr); only its SHA-256 is stored.
// With the embedded driver, stop the service while this runs: PGlite is single-process, and two
// processes on one DATA_DIR corrupt it. Exits 2 on a bad argument, naming it; 1 on other errors.
// The commands themselves are in server/auth/users-cli.ts.
import { usersCli } from '../server/auth/users-cli.ts'
import { loadConfigOrExit } from '../server/config.ts'
import { migrate } from '../server/db/migrate.ts'
import { openDb } from '../server/db/open.ts'

async function readStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text
}

async function main(): Promise<void> {
  process.exitCode = await usersCli(process.argv.slice(2), {
    readStdin,
    // a getter: process.stdin is made only when something reads it
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY)
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    withDb: async (work) => {
      const db = await openDb(loadConfigOrExit())
      try {
        await migrate(db)
        await work(db)
      } finally {
        await db.close()
      }
    },
  })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
