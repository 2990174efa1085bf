import type { IncomingHttpHeaders } from 'node:http'
import { getSignatureKeyId } from '../../../helpers/activitypub/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { forbidden } from '../../http-problems/http-problem.js'
import { listHostsBlockedByInstance } from '../../moderation/blocklist/instance-blocks.js'
import { getActivityActorUrl, type Activity } from '../activity-types.js'
import { urlHost } from '../ownership.js'

const log = loggerWithTags('activitypub', 'inbox')

// Servers the instance blocked are refused at the door: a 403 before their signer is fetched or anything is
// stored, so a blocked server costs one indexed query per request.

/** The signer's host, read from the signature's keyId before the key is looked up. */
export async function refuseBlockedSigner (headers: IncomingHttpHeaders) {
  const reference = getSignatureKeyId(headers)
  const host = reference ? urlHost(reference.actorUrl) : undefined
  if (!host) return
  if ((await listHostsBlockedByInstance([ host ])).size !== 0) {
    log.info(`Refused an inbox request signed on ${host}, which this instance blocks`)
    throw forbidden(`${host} is blocked by this instance`)
  }
}

/** Activities of actors on a blocked server, even forwarded by another one (the signer's own host was checked). */
export async function refuseActivitiesOfBlockedServers (activities: Activity[], signerHost: string | undefined) {
  const hosts = activities.map(activity => urlHost(getActivityActorUrl(activity) ?? '')).filter((host): host is string => !!host && host !== signerHost)
  if (hosts.length === 0) return
  const blocked = await listHostsBlockedByInstance(hosts)
  if (blocked.size !== 0) {
    log.info(`Refused activities of ${[ ...blocked ].join(', ')}, blocked by this instance`)
    throw forbidden(`${[ ...blocked ].join(', ')} is blocked by this instance`)
  }
}
