// npm run exchange -- identity [--state ISO3 --agency NAME]
//                     partner add --name NAME --instance UUID --state ISO3 --agency NAME --key BASE64
//                                 --levels bilateral,regional,public [--url URL --token TOKEN] [--issue-token]
//                     partner list
//                     partner update --name NAME [--key BASE64] [--levels LIST] [--url URL --token TOKEN | --bundles-only]
//                     partner remove --name NAME
//                     export --to PARTNER [--since YYYY-MM-DD] [--out FILE] [--days 30]
//                     import FILE
//                     pull PARTNER
// Exchange between deployments on the configured database (DATABASE_URL or the embedded DATA_DIR;
// with the embedded driver, stop the service first: PGlite is single-process). `identity` prints
// what partners register (instance id, state, agency, public key) as JSON on stdout. `partner add
// --issue-token` creates a viewer user of the partner's agency and prints its API token once: the
// partner pulls our changes with it. `partner remove` keeps the records the partner sent and
// revokes the pull token issued for it. Exits 2 on a bad argument or a refused bundle, 1 otherwise.
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { MEMBER_STATES } from '../shared/access.ts'
import { newToken, tokenHash } from '../server/auth/secrets.ts'
import { loadConfigOrExit } from '../server/config.ts'
import { migrate } from '../server/db/migrate.ts'
import { openDb } from '../server/db/open.ts'
import type { Db } from '../server/db/types.ts'
import { exportBundle } from '../server/exchange/export.ts'
import { ensureIdentity, keyFilePath } from '../server/exchange/identity.ts'
import { mergeBundle } from '../server/exchange/merge.ts'
import { changePartner, PartnerInputError, pullUserName, registerPartner, removePartner } from '../server/exchange/partners.ts'
import { pullPartner } from '../server/exchange/pull.ts'
import { BundleError } from '../server/exchange/rules.ts'
import { audit } from '../server/repos/audit.ts'
import { insertToken, insertUser } from '../server/repos/auth.ts'
import { getPartner, listPartners, setIdentity } from '../server/repos/exchange.ts'

const USAGE = `usage: npm run exchange -- COMMAND
  identity [--state ISO3 --agency NAME]     print (or first set) this instance's identity and public key
  partner add --name NAME --instance UUID --state ISO3 --agency NAME --key BASE64
              --levels bilateral,regional,public [--url URL --token TOKEN] [--issue-token]
  partner list
  partner update --name NAME [--key BASE64] [--levels bilateral,regional,public]
                 [--url URL --token TOKEN | --bundles-only]
  partner remove --name NAME               (the records it sent stay)
  export --to PARTNER [--since YYYY-MM-DD] [--out FILE] [--days 30]
  import FILE
  pull PARTNER`

/** The operator of the machine ran it: audited as the local analyst. */
const OPERATOR = { kind: 'local' } as const

class UsageError extends Error {}
function fail(message: string): never {
  throw new UsageError(message)
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') fail(`--${name} is required`)
  return v.trim()
}

async function run(db: Db, keyFile: string | null, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      agency: { type: 'string' },
      name: { type: 'string' },
      instance: { type: 'string' },
      key: { type: 'string' },
      levels: { type: 'string' },
      url: { type: 'string' },
      token: { type: 'string' },
      'issue-token': { type: 'boolean' },
      'bundles-only': { type: 'boolean' },
      to: { type: 'string' },
      since: { type: 'string' },
      out: { type: 'string' },
      days: { type: 'string' },
    },
  })
  const [command, sub, ...rest] = positionals
  const identity = await ensureIdentity(db, keyFile)
  switch (command) {
    case 'identity': {
      if (values.state !== undefined || values.agency !== undefined) {
        const state = need(values, 'state').toUpperCase()
        if (!(MEMBER_STATES as readonly string[]).includes(state)) fail(`--state must be a member state (${MEMBER_STATES.join(', ')}), got "${state}"`)
        const agency = need(values, 'agency')
        if (agency.length < 2 || agency.length > 120) fail('--agency must be 2 to 120 characters')
        await setIdentity(db, state, agency)
        await audit(db, OPERATOR, 'exchange.identity', `instance:${identity.instance_id}`, { state, agency })
        Object.assign(identity, { state_iso3: state, agency_name: agency })
      }
      console.log(JSON.stringify(identity, null, 2))
      return
    }
    case 'partner': {
      if (sub === 'list') {
        for (const p of await listPartners(db)) console.log(`${p.name}\t${p.state_iso3}\t${p.agency_name}\t${p.levels.join(',')}\t${p.url ?? '(bundles only)'}\tsent ${p.sent_sequence}, merged ${p.received_sequence}`)
        return
      }
      const refused = (err: unknown): never => {
        if (err instanceof PartnerInputError) fail(`--${{ instance_id: 'instance', public_key: 'key', body: 'name' }[err.field] ?? err.field}: ${err.message}`)
        throw err
      }
      if (sub === 'update') {
        const name = need(values, 'name')
        if (values['bundles-only'] && (values.url !== undefined || values.token !== undefined)) fail('--bundles-only clears --url and --token: give one or the other')
        const pull = values['bundles-only'] ? { url: null, token: null } : values.url !== undefined || values.token !== undefined ? { url: values.url ?? null, token: values.token ?? null } : undefined
        const levels = values.levels === undefined ? undefined : values.levels.split(',').map((l) => l.trim())
        const partner = await changePartner(db, name, { publicKey: values.key, levels, pull }).catch(refused)
        const changed = [values.key && 'public_key', levels && 'levels', pull && 'url'].filter(Boolean)
        await audit(db, OPERATOR, 'exchange.partner.update', `partner:${partner.name}`, { changed, ...(levels ? { levels: partner.levels } : {}), ...(values.key ? { public_key: partner.public_key } : {}), via: 'npm run exchange' })
        console.error(`partner ${partner.name} (${partner.state_iso3}, "${partner.agency_name}") may receive ${partner.levels.join(', ')}; ${partner.url ? `pulls from ${partner.url}` : 'bundles only'}`)
        return
      }
      if (sub === 'remove') {
        const name = need(values, 'name')
        const { tokensRevoked } = await removePartner(db, name).catch(refused)
        await audit(db, OPERATOR, 'exchange.partner.delete', `partner:${name}`, { tokens_revoked: tokensRevoked, via: 'npm run exchange' })
        console.error(`partner ${name} removed (${tokensRevoked} pull token(s) revoked); the records it sent stay`)
        return
      }
      if (sub !== 'add') fail('partner takes add, list, update or remove')
      const partner = await registerPartner(db, {
        name: need(values, 'name'),
        instanceId: need(values, 'instance'),
        state: need(values, 'state').toUpperCase(),
        agency: need(values, 'agency'),
        publicKey: need(values, 'key'),
        levels: need(values, 'levels').split(',').map((l) => l.trim()),
        url: values.url ?? null,
        pullToken: values.token ?? null,
      }).catch(refused)
      await audit(db, OPERATOR, 'exchange.partner.create', `partner:${partner.name}`, { instance_id: partner.instance_id, state: partner.state_iso3, levels: partner.levels, via: 'npm run exchange' })
      console.error(`partner ${partner.name} (${partner.state_iso3}, "${partner.agency_name}") may receive ${partner.levels.join(', ')}`)
      if (values['issue-token']) {
        const user = await insertUser(db, { agencyId: partner.agency_id, username: pullUserName(partner.name), role: 'viewer', passwordHash: null, expiresAt: null })
        const token = newToken('api')
        const stored = await insertToken(db, user.id, 'api', tokenHash(token), `exchange pulls by ${partner.name}`, new Date(Date.now() + 366 * 86_400_000))
        await audit(db, OPERATOR, 'token.create', `token:${stored.id}`, { user_id: user.id, label: 'exchange pulls', via: 'npm run exchange' })
        console.error(`API token for ${partner.name}'s pulls (user ${user.username}, expires ${stored.expires_at}), shown this once:`)
        console.log(token)
      }
      return
    }
    case 'export': {
      const name = need(values, 'to')
      const partner = (await getPartner(db, { name })) ?? fail(`--to: no partner named "${name}" (npm run exchange -- partner list)`)
      let since: Date | null = null
      if (values.since !== undefined) {
        since = new Date(`${values.since}T00:00:00Z`)
        if (!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(since.getTime())) fail(`--since must be a date YYYY-MM-DD, got "${values.since}"`)
      }
      const days = values.days === undefined ? undefined : Number(values.days)
      if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 366)) fail(`--days must be a whole number from 1 to 366, got "${values.days}"`)
      const out = await exportBundle(db, partner, { keyFile, since, days })
      const file = values.out ?? `${partner.name}-${out.sequence}.sahel-bundle`
      writeFileSync(file, out.bytes, { mode: 0o600 })
      await audit(db, OPERATOR, 'exchange.export', `bundle:${out.bundleId}`, { partner: partner.name, sequence: out.sequence, since: values.since ?? null, file, ...out.counts })
      console.error(`bundle ${out.bundleId} for ${partner.name}, sequence ${out.sequence}: ${Object.entries(out.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`)
      console.log(file)
      return
    }
    case 'import': {
      if (!sub || rest.length > 0) fail('give exactly one FILE')
      const report = await mergeBundle(db, readFileSync(sub), {
        viewer: OPERATOR,
        action: 'exchange.import',
        onProgress: (n) => console.error(`${n.toLocaleString('en')} incidents merged`),
      })
      console.log(JSON.stringify(report, null, 2))
      return
    }
    case 'pull': {
      if (!sub || rest.length > 0) fail('give exactly one PARTNER')
      console.log(JSON.stringify(await pullPartner(db, sub, OPERATOR), null, 2))
      return
    }
    default:
      fail(command ? `unknown command "${command}"` : 'no command')
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit()
  const db = await openDb(config)
  try {
    await migrate(db)
    await run(db, keyFilePath(config), process.argv.slice(2))
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`exchange: ${err.message}\n${USAGE}`)
      process.exitCode = 2
    } else if (err instanceof BundleError) {
      console.error(`exchange: refused (${err.statusCode}): ${err.message}`)
      process.exitCode = 2
    } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`exchange: ${(err as Error).message}\n${USAGE}`)
      process.exitCode = 2
    } else throw err
  } finally {
    await db.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
