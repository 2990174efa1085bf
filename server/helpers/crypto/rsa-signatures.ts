import { sign, verify } from 'node:crypto'
import { privateKeyObject, publicKeyObject } from './rsa-keys.js'

export type RsaHash = 'sha256' | 'sha512'

// The callback forms of crypto.sign/verify run on libuv's thread pool, so a burst of inbox deliveries does not
// stall the event loop for ~1 ms per signature.

/** RSASSA-PKCS1-v1_5 signature of `data`, base64. */
export function rsaSign (data: string | Uint8Array, privateKeyPem: string, hash: RsaHash = 'sha256'): Promise<string> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const key = privateKeyObject(privateKeyPem)

  return new Promise((resolve, reject) => {
    sign(hash, bytes, key, (err, signature) => {
      if (err) return reject(err)
      resolve(signature.toString('base64'))
    })
  })
}

/**
 * Checks an RSASSA-PKCS1-v1_5 signature. Never throws: an unparsable key or signature is a failed check,
 * since both come from remote peers.
 */
export function rsaVerify (
  data: string | Uint8Array,
  signature: Uint8Array,
  publicKeyPem: string,
  hash: RsaHash = 'sha256'
): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data

  let key
  try {
    key = publicKeyObject(publicKeyPem)
  } catch {
    return Promise.resolve(false)
  }
  if (key.asymmetricKeyType !== 'rsa') return Promise.resolve(false)

  return new Promise(resolve => {
    try {
      verify(hash, bytes, key, signature, (err, ok) => resolve(!err && ok))
    } catch {
      resolve(false)
    }
  })
}
