import { signRequest } from '../../../helpers/activitypub/index.js'
import type { FakeActor } from '../../federation/shared/fake-remote-server.js'
import type { TestInstance } from '../../shared/test-instance.js'

export const AS_CONTEXT = [ 'https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1' ]

export interface InboxPostOptions {
  path?: string
  keyId?: string
  privateKeyPem?: string
  date?: Date
  /** Sent instead of the signed body (a tampered body). */
  sentBody?: string | Buffer
  /** A raw body (not JSON.stringify'd), signed as is. */
  rawBody?: string | Buffer
  headers?: Record<string, string>
  contentType?: string
}

/** POSTs an activity to an inbox of `instance`, signed by `signer` (null: unsigned). Never asserts: returns the reply. */
export async function postToInbox (instance: TestInstance, activity: object | null, signer: FakeActor | null, options: InboxPostOptions = {}) {
  const path = options.path ?? '/inbox'
  const body = options.rawBody ?? JSON.stringify({ '@context': AS_CONTEXT, ...activity })
  const request = instance.api().post(path).set('Content-Type', options.contentType ?? 'application/activity+json')

  if (signer) {
    request.set(await signRequest({
      method: 'POST',
      url: instance.url + path,
      body: typeof body === 'string' ? body : new Uint8Array(body),
      privateKeyPem: options.privateKeyPem ?? signer.keys.privateKeyPem,
      keyId: options.keyId ?? signer.url,
      date: options.date
    }))
  }
  if (options.headers) request.set(options.headers)
  return request.send(options.sentBody ?? body)
}
