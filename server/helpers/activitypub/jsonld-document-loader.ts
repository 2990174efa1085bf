import { readFileSync } from 'node:fs'
import { fromRoot } from '../project-root.js'

/**
 * JSON-LD contexts we canonicalize with, served from server/static/json-ld/. Nothing is ever fetched: a
 * remote context would let a peer change what a signed document means, and a fetch per verification would
 * be slow and a way to make us send requests.
 */
const CONTEXT_FILES: Record<string, string> = {
  'https://www.w3.org/ns/activitystreams': 'activitystreams.json',
  'http://www.w3.org/ns/activitystreams': 'activitystreams.json',
  'https://w3id.org/security/v1': 'security-v1.json',
  'http://w3id.org/security/v1': 'security-v1.json',
  'https://w3id.org/identity/v1': 'identity-v1.json',
  'http://w3id.org/identity/v1': 'identity-v1.json',
  // Fedify-based peers (and others doing FEP-8b32 proofs) reference these in their actors and activities.
  'https://w3id.org/security/data-integrity/v1': 'security-data-integrity-v1.json',
  'https://w3id.org/security/multikey/v1': 'security-multikey-v1.json',
  'https://www.w3.org/ns/did/v1': 'did-v1.json'
}

export const LOCAL_JSON_LD_CONTEXT_URLS: readonly string[] = Object.keys(CONTEXT_FILES)

export class UnknownJsonLdContextError extends Error {
  constructor (readonly url: string) {
    super(`JSON-LD context ${url} is not available locally; refusing to fetch it`)
    this.name = 'UnknownJsonLdContextError'
  }
}

export interface RemoteDocument {
  contextUrl: null
  documentUrl: string
  document: unknown
}

const fileTexts = new Map<string, string>()

/** A jsonld.js `documentLoader`. Returns a fresh copy each time so the processor cannot alter our copy. */
export async function localJsonLdDocumentLoader (url: string): Promise<RemoteDocument> {
  const file = CONTEXT_FILES[url]
  if (!file) throw new UnknownJsonLdContextError(url)

  let text = fileTexts.get(file)
  if (text === undefined) {
    text = readFileSync(fromRoot('server', 'static', 'json-ld', file), 'utf8')
    fileTexts.set(file, text)
  }

  return { contextUrl: null, documentUrl: url, document: JSON.parse(text) }
}
