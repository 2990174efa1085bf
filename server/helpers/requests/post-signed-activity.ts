import {
  ACTIVITY_PUB_ACCEPT_HEADER,
  ACTIVITY_PUB_CONTENT_TYPE,
  REMOTE_FETCH
} from '../../initializers/constants/activitypub.js'
import { signRequest } from '../activitypub/http-signature-draft.js'
import { guardedRequest } from './guarded-request.js'

export interface PostSignedActivityOptions {
  keyId: string
  privateKeyPem: string
  timeoutMs?: number
  allowPrivateAddresses?: boolean
  userAgent?: string
}

export interface DeliveryResult {
  /** PeerTube answers 204; 2xx is success, 4xx other than 429 will not get better with retries. */
  status: number
}

/**
 * POSTs an activity to an inbox with a draft-cavage HTTP signature over (request-target) host date digest,
 * as PeerTube does. The body is serialized once so the Digest covers exactly the bytes sent. Redirects are
 * not followed (the 3xx status is returned). Throws RemoteRequestError on refusal, timeout or network error.
 */
export async function postSignedActivity (
  url: string,
  activity: object | string,
  options: PostSignedActivityOptions
): Promise<DeliveryResult> {
  const body = Buffer.from(typeof activity === 'string' ? activity : JSON.stringify(activity), 'utf8')

  const response = await guardedRequest(url, {
    method: 'POST',
    headers: {
      'Content-Type': ACTIVITY_PUB_CONTENT_TYPE,
      Accept: ACTIVITY_PUB_ACCEPT_HEADER,
      'User-Agent': options.userAgent ?? REMOTE_FETCH.USER_AGENT
    },
    body,
    timeoutMs: options.timeoutMs ?? REMOTE_FETCH.TIMEOUT_MS,
    maxBytes: REMOTE_FETCH.MAX_DELIVERY_RESPONSE_BYTES,
    truncateOversizedBody: true,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    maxRedirects: 0,
    headersForUrl: hopUrl => signRequest({
      method: 'POST',
      url: hopUrl,
      body,
      privateKeyPem: options.privateKeyPem,
      keyId: options.keyId
    })
  })

  return { status: response.status }
}
