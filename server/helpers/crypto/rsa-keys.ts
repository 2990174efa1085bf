import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto'
import { RSA_KEY_SIZE_BITS } from '../../initializers/constants/activitypub.js'

export interface RsaKeyPair {
  /** SPKI PEM (`BEGIN PUBLIC KEY`), the form actors publish as `publicKeyPem`. */
  publicKeyPem: string
  /** PKCS#8 PEM (`BEGIN PRIVATE KEY`). */
  privateKeyPem: string
}

export function generateRsaKeyPair (modulusLength = RSA_KEY_SIZE_BITS): Promise<RsaKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', {
      modulusLength,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
    }, (err, publicKeyPem, privateKeyPem) => {
      if (err) return reject(err)
      resolve({ publicKeyPem, privateKeyPem })
    })
  })
}

export function publicKeyPemFromPrivate (privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString()
}

// Parsing a PEM costs about as much as a signature check, and the same few keys (ours, busy peers') come back
// again and again: keep parsed KeyObjects in a small LRU keyed by the PEM text.
const KEY_CACHE_SIZE = 512
const privateKeys = new Map<string, KeyObject>()
const publicKeys = new Map<string, KeyObject>()

function cached (cache: Map<string, KeyObject>, pem: string, parse: (pem: string) => KeyObject): KeyObject {
  const hit = cache.get(pem)
  if (hit) {
    cache.delete(pem)
    cache.set(pem, hit)
    return hit
  }

  const key = parse(pem)
  cache.set(pem, key)
  if (cache.size > KEY_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return key
}

/** Throws on a PEM that is not a private key. */
export function privateKeyObject (privateKeyPem: string): KeyObject {
  return cached(privateKeys, privateKeyPem, createPrivateKey)
}

/** Accepts SPKI and PKCS#1 public keys, or a private key (its public half is used). Throws on garbage. */
export function publicKeyObject (publicKeyPem: string): KeyObject {
  return cached(publicKeys, publicKeyPem, createPublicKey)
}
