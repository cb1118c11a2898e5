// This deployment's exchange identity: an instance id (made at first start), the state and
// agency it speaks for, and its Ed25519 key pair (private key in a 0600 file).
import { randomUUID, type KeyObject } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Queryable } from '../db/types.ts'
import { getIdentity, insertIdentity, setIdentityKey, type Identity } from '../repos/exchange.ts'
import { generateKeyFile, loadPrivateKey, publicKeyText } from './keys.ts'

/** Where the private key lives: EXCHANGE_KEY_FILE, else exchange-key.pem in DATA_DIR; null when neither is known. */
export function keyFilePath(config: { exchangeKeyFile?: string | null; dataDir?: string }): string | null {
  if (config.exchangeKeyFile) return config.exchangeKeyFile
  return config.dataDir ? join(config.dataDir, 'exchange-key.pem') : null
}

/**
 * Makes sure the instance has an id and, when keyFile is given, a key pair whose public half the
 * database records. A key file that does not match the recorded key, or a recorded key whose file
 * is gone, is an error: partners hold that public key.
 */
export async function ensureIdentity(db: Queryable, keyFile: string | null): Promise<Identity> {
  await insertIdentity(db, randomUUID())
  const identity = (await getIdentity(db))!
  if (keyFile === null) return identity
  if (!existsSync(keyFile)) {
    if (identity.public_key) {
      throw new Error(`the exchange key file ${keyFile} is missing, but this instance's public key is registered with partners: restore the file (or set EXCHANGE_KEY_FILE to it)`)
    }
    const publicKey = generateKeyFile(keyFile)
    await setIdentityKey(db, publicKey)
    return { ...identity, public_key: publicKey }
  }
  const publicKey = publicKeyText(loadPrivateKey(keyFile))
  if (identity.public_key === null) await setIdentityKey(db, publicKey)
  else if (identity.public_key !== publicKey) throw new Error(`the exchange key file ${keyFile} does not match this instance's registered public key`)
  return { ...identity, public_key: publicKey }
}

/** The identity and private key needed to sign a bundle; throws with the fix when something is missing. */
export async function signingIdentity(db: Queryable, keyFile: string | null): Promise<{ identity: Identity & { state_iso3: string; agency_name: string }; key: KeyObject }> {
  if (keyFile === null) throw new Error('no exchange key file: set DATA_DIR or EXCHANGE_KEY_FILE')
  const identity = await ensureIdentity(db, keyFile)
  if (!identity.state_iso3 || !identity.agency_name) {
    throw new Error('this instance has no state and agency yet: npm run exchange -- identity --state ISO3 --agency NAME')
  }
  return { identity: identity as Identity & { state_iso3: string; agency_name: string }, key: loadPrivateKey(keyFile) }
}
