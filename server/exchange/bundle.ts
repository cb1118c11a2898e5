// The bundle file: a text preamble, the signed header, the signature, then the records as
// gzipped NDJSON (one JSON object a line).
//   SAHEL-EXCHANGE/1\n
//   {header JSON}\n            BundleHeader, payload_sha256 = SHA-256 of the gzipped bytes
//   {Ed25519 signature}\n      base64, over the header line's bytes
//   <gzip bytes>
// Any changed byte fails the signature (header) or the hash (payload).
import { createHash, type KeyObject } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { signBytes, verifyBytes } from './keys.ts'
import { BundleError, parseHeader, type BundleHeader } from './rules.ts'

const MAGIC = 'SAHEL-EXCHANGE/1\n'

/** Writes a bundle: header (without its payload hash) plus NDJSON lines, signed with privateKey. */
export function encodeBundle(header: Omit<BundleHeader, 'payload_sha256'>, lines: string[], privateKey: KeyObject): Buffer {
  // level 1: about half the CPU of level 6 for 100,000 incidents, a 14% larger payload (10.3 vs 9.0 MB)
  const payload = gzipSync(lines.length === 0 ? '' : lines.join('\n') + '\n', { level: 1 })
  const headerLine = Buffer.from(JSON.stringify({ ...header, payload_sha256: createHash('sha256').update(payload).digest('hex') }))
  return Buffer.concat([Buffer.from(MAGIC), headerLine, Buffer.from('\n'), Buffer.from(signBytes(headerLine, privateKey)), Buffer.from('\n'), payload])
}

/** A bundle split into its parts; nothing verified yet. */
export interface OpenedBundle {
  header: BundleHeader
  headerBytes: Buffer
  signature: string
  payload: Buffer
}

/** Splits a bundle and parses its header; a file that is not a bundle is a BundleError(400). */
export function openBundle(bytes: Buffer): OpenedBundle {
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new BundleError(400, 'not an exchange bundle (it does not start with SAHEL-EXCHANGE/1)')
  const headerEnd = bytes.indexOf(0x0a, MAGIC.length)
  const signatureEnd = headerEnd < 0 ? -1 : bytes.indexOf(0x0a, headerEnd + 1)
  if (signatureEnd < 0) throw new BundleError(400, 'bundle cut short: no header or signature line')
  const headerBytes = bytes.subarray(MAGIC.length, headerEnd)
  let parsed: unknown
  try {
    parsed = JSON.parse(headerBytes.toString('utf8'))
  } catch {
    throw new BundleError(400, 'bundle header is not valid JSON: the file is damaged or was altered')
  }
  return { header: parseHeader(parsed), headerBytes, signature: bytes.subarray(headerEnd + 1, signatureEnd).toString('latin1'), payload: bytes.subarray(signatureEnd + 1) }
}

/** Checks the signature against the sender's registered key and the payload against its hash; returns the NDJSON lines. */
export function verifiedLines(bundle: OpenedBundle, publicKey: string, partnerName: string): string[] {
  if (!verifyBytes(bundle.headerBytes, bundle.signature, publicKey)) {
    throw new BundleError(400, `bundle signature does not verify against partner "${partnerName}"'s registered key: the file was altered or signed with another key`)
  }
  if (createHash('sha256').update(bundle.payload).digest('hex') !== bundle.header.payload_sha256) {
    throw new BundleError(400, 'bundle payload does not match its signed hash: the file was altered')
  }
  let text: string
  try {
    text = gunzipSync(bundle.payload).toString('utf8')
  } catch {
    throw new BundleError(400, 'bundle payload is not valid gzip')
  }
  return text === '' ? [] : text.replace(/\n$/, '').split('\n')
}
