// The instance's Ed25519 key pair: the private key in a file only this service reads (mode
// 0600), the public key (SPKI DER, base64) given to partners. Generated once, never replaced
// silently: a lost key file is an error, since every partner holds the matching public key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Creates a key file (refusing to overwrite one); returns the public key text. */
export function generateKeyFile(path: string): string {
  mkdirSync(dirname(path), { recursive: true })
  const { privateKey } = generateKeyPairSync('ed25519')
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
  return publicKeyText(privateKey)
}

/** Reads the private key, tightening the file to 0600 if it was readable by others. */
export function loadPrivateKey(path: string): KeyObject {
  if (!existsSync(path)) throw new Error(`no exchange key at ${path}`)
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  return createPrivateKey(readFileSync(path))
}

/** The public half of a private key as partners register it: SPKI DER in base64. */
export function publicKeyText(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')
}

/** Whether text is an Ed25519 public key as publicKeyText writes it. */
export function isPublicKeyText(text: string): boolean {
  try {
    return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519'
  } catch {
    return false
  }
}

/** Ed25519 signature of data, base64. */
export function signBytes(data: Buffer, privateKey: KeyObject): string {
  return sign(null, data, privateKey).toString('base64')
}

/** Whether signature (base64) is publicKey's (text) over data. */
export function verifyBytes(data: Buffer, signature: string, publicKey: string): boolean {
  try {
    return verify(null, data, createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }), Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
