import { WEBSERVER } from '../../../initializers/config/index.js'
import { ACTIVITY_PUB_CONTENT_TYPE } from '../../../initializers/constants/activitypub.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { loadActorByNameAndHost } from '../../../models/actor/queries/actor-queries.js'
import { isLocalUrl } from '../local-urls.js'

/**
 * The local actor a WebFinger `resource` names: `acct:name@host` (`name@host` too) with our host, or the URL
 * of one of our actors. Undefined when it is not one of ours.
 */
export async function findWebfingerActor (resource: string) {
  if (/^https?:\/\//i.test(resource)) {
    if (!isLocalUrl(resource)) return undefined
    const actor = await ActorModel.loadByUrl(resource)
    return actor?.isLocal() ? actor : undefined
  }

  const handle = resource.replace(/^acct:/i, '')
  const at = handle.lastIndexOf('@')
  if (at <= 0) return undefined

  const name = handle.slice(0, at)
  const host = handle.slice(at + 1).toLowerCase()
  if (host !== WEBSERVER.HOST.toLowerCase()) return undefined

  return (await loadActorByNameAndHost(name, null)) ?? undefined
}

/** The JRD PeerTube answers for one of its actors. */
export function buildWebfingerResponse (actor: ActorModel) {
  return {
    subject: `acct:${actor.preferredUsername}@${WEBSERVER.HOST}`,
    aliases: [ actor.url ],
    links: [
      { rel: 'self', type: ACTIVITY_PUB_CONTENT_TYPE, href: actor.url },
      { rel: 'http://ostatus.org/schema/1.0/subscribe', template: `${WEBSERVER.URL}/remote-interaction?uri={uri}` }
    ]
  }
}

export function buildHostMeta () {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n' +
    `  <Link rel="lrdd" type="application/xrd+xml" template="${WEBSERVER.URL}/.well-known/webfinger?resource={uri}"/>\n` +
    '</XRD>'
}
