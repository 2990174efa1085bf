import {
  ACTIVITY_PUB_ACCEPT_HEADER,
  ACTIVITY_PUB_MEDIA_TYPES,
  REMOTE_FETCH
} from '../../initializers/constants/activitypub.js'
import { signRequest } from '../activitypub/http-signature-draft.js'
import { guardedRequest } from './guarded-request.js'
import { RemoteRequestError } from './remote-request-error.js'

export interface SigningIdentity {
  keyId: string
  privateKeyPem: string
}

export interface FetchActivityPubJsonOptions {
  /** Sign the GET (draft-cavage, re-signed on each redirect hop) for servers in authorized-fetch mode. */
  signWith?: SigningIdentity
  timeoutMs?: number
  maxBytes?: number
  /** Tests on loopback only; federation never needs it. */
  allowPrivateAddresses?: boolean
  maxRedirects?: number
  userAgent?: string
}

export interface ActivityPubJsonResponse {
  /**
   * URL the document was finally served from (after redirects). Callers must check that the document's `id`
   * has the same origin before trusting it.
   */
  url: string
  status: number
  body: Record<string, unknown>
}

/** GETs an ActivityPub document. Throws RemoteRequestError (see its `code`) on any refusal or failure. */
export async function fetchActivityPubJson (url: string, options: FetchActivityPubJsonOptions = {}): Promise<ActivityPubJsonResponse> {
  const signWith = options.signWith

  const response = await guardedRequest(url, {
    method: 'GET',
    headers: {
      Accept: ACTIVITY_PUB_ACCEPT_HEADER,
      'User-Agent': options.userAgent ?? REMOTE_FETCH.USER_AGENT
    },
    timeoutMs: options.timeoutMs ?? REMOTE_FETCH.TIMEOUT_MS,
    maxBytes: options.maxBytes ?? REMOTE_FETCH.MAX_BYTES,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    maxRedirects: options.maxRedirects ?? REMOTE_FETCH.MAX_REDIRECTS,
    headersForUrl: signWith
      ? hopUrl => signRequest({ method: 'GET', url: hopUrl, privateKeyPem: signWith.privateKeyPem, keyId: signWith.keyId })
      : undefined,
    checkResponse: ({ url: hopUrl, status, headers }) => {
      // Redirects are followed by guardedRequest; their bodies are not ours to judge.
      if (status >= 300 && status < 400 && headers.location) return

      if (status < 200 || status >= 300) {
        throw new RemoteRequestError('bad-status', `${hopUrl} answered ${status}`, { url: hopUrl, status })
      }
      if (!isActivityPubMediaType(headers['content-type'])) {
        throw new RemoteRequestError('bad-content-type', `${hopUrl} served ${headers['content-type'] ?? 'no content type'}`, { url: hopUrl, status })
      }
    }
  })

  // Only reached with a 3xx when redirects are exhausted or disabled.
  if (response.status < 200 || response.status >= 300) {
    throw new RemoteRequestError('bad-status', `${response.url} answered ${response.status}`, { url: response.url, status: response.status })
  }

  let body: unknown
  try {
    body = JSON.parse(response.body.toString('utf8'))
  } catch {
    throw new RemoteRequestError('invalid-json', `${response.url} did not serve JSON`, { url: response.url, status: response.status })
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RemoteRequestError('invalid-json', `${response.url} did not serve a JSON object`, { url: response.url, status: response.status })
  }

  return { url: response.url, status: response.status, body: body as Record<string, unknown> }
}

/**
 * application/activity+json, or application/ld+json (whatever its profile). Plain application/json is
 * refused: on many hosts anyone can upload such a file, and it must not pass for an actor.
 */
export function isActivityPubMediaType (contentType: string | undefined): boolean {
  if (!contentType) return false
  const mediaType = contentType.split(';')[0].trim().toLowerCase()
  return (ACTIVITY_PUB_MEDIA_TYPES as readonly string[]).includes(mediaType)
}
