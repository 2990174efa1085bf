import { postSignedActivity, RemoteRequestError } from '../../../helpers/requests/index.js'
import { CONFIG } from '../../../initializers/config/index.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { recordDelivery } from '../../metrics/instruments.js'
import { urlHost } from '../ownership.js'
import { noteServerFailing, noteServerReachable } from './server-health.js'

export type DeliveryOutcome =
  | { ok: true, status: number }
  /** `retryable`: the server may accept it later (down, 5xx, 429, timeout); otherwise retrying is pointless. */
  | { ok: false, retryable: boolean, reason: string }

/**
 * POSTs one prepared activity to one inbox, signed by `actor` (keyId = actor URL, as PeerTube), and records the
 * outcome in the remote server's health: any answer but a 5xx means the server is up.
 */
export async function deliverToInbox (uri: string, body: Record<string, unknown>, actor: ActorModel): Promise<DeliveryOutcome> {
  if (!actor.privateKey) return { ok: false, retryable: true, reason: `actor ${actor.url} has no key yet` }
  const host = urlHost(uri)

  let status: number
  try {
    ({ status } = await postSignedActivity(uri, body, {
      keyId: actor.url,
      privateKeyPem: actor.privateKey,
      timeoutMs: CONFIG.federation.http_timeout,
      allowPrivateAddresses: CONFIG.federation.allow_private_addresses
    }))
  } catch (err) {
    const error = err as Error
    const permanent = err instanceof RemoteRequestError && [ 'invalid-url', 'unsupported-protocol', 'private-address' ].includes(err.code)
    recordDelivery({ ok: false, retryable: !permanent })
    if (!permanent && host) await noteServerFailing(host)
    return { ok: false, retryable: !permanent, reason: error.message }
  }

  const serverError = status >= 500 || status === 429 || status === 408
  if (host) {
    if (serverError) await noteServerFailing(host)
    else await noteServerReachable(host)
  }

  const ok = status >= 200 && status < 300
  recordDelivery(ok ? { ok } : { ok, retryable: serverError })
  if (ok) return { ok: true, status }
  return { ok: false, retryable: serverError, reason: `${uri} answered ${status}` }
}
