import { fetchActivityPubJson, guardedRequest, RemoteRequestError } from '../../helpers/requests/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { REMOTE_FETCH } from '../../initializers/constants/activitypub.js'
import { isSameOrigin } from './ownership.js'
import { getServerActor } from './server-actor.js'

/**
 * GETs a remote ActivityPub document with our federation settings: signed by the server actor (for peers in
 * authorized-fetch mode), configured timeout and private-address policy. The document's `id` must live where
 * it was served from, else anyone able to host a file could pass it for another server's object.
 */
export async function fetchRemoteObject (url: string) {
  const serverActor = await getServerActor()
  const response = await fetchActivityPubJson(url, {
    signWith: CONFIG.federation.sign_federated_fetches && serverActor.privateKey
      ? { keyId: serverActor.url, privateKeyPem: serverActor.privateKey }
      : undefined,
    timeoutMs: CONFIG.federation.http_timeout,
    allowPrivateAddresses: CONFIG.federation.allow_private_addresses
  })

  const id = response.body.id
  if (typeof id !== 'string' || !isSameOrigin(id, response.url)) {
    throw new RemoteRequestError('invalid-json', `${response.url} served a document whose id is not on its origin`, { url: response.url })
  }
  return response
}

/** GETs a JSON document that is not ActivityPub (WebFinger's JRD), with the same guards. */
export async function fetchRemoteJson (url: string, accept: string): Promise<unknown> {
  const response = await guardedRequest(url, {
    method: 'GET',
    headers: { Accept: accept, 'User-Agent': REMOTE_FETCH.USER_AGENT },
    timeoutMs: CONFIG.federation.http_timeout,
    maxBytes: REMOTE_FETCH.MAX_BYTES,
    allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
    maxRedirects: REMOTE_FETCH.MAX_REDIRECTS
  })
  if (response.status < 200 || response.status >= 300) {
    throw new RemoteRequestError('bad-status', `${url} answered ${response.status}`, { url, status: response.status })
  }
  try {
    return JSON.parse(response.body.toString('utf8'))
  } catch {
    throw new RemoteRequestError('invalid-json', `${url} did not serve JSON`, { url, status: response.status })
  }
}
