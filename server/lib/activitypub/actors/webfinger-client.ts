import { canonicalHost } from '../../../helpers/host-names.js'
import { RemoteRequestError } from '../../../helpers/requests/index.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { isObject } from '../activity-types.js'
import { fetchRemoteJson } from '../fetch-remote.js'
import { urlOrigin } from '../ownership.js'

/** A host name or address, with an optional port; never a bare number (see canonicalHost). */
export function isValidRemoteHost (host: string) {
  return canonicalHost(host) !== undefined
}

/**
 * Remote hosts are reached over https, except from an instance that itself runs on plain http (tests, local
 * clusters), as PeerTube does.
 */
export function remoteScheme () {
  return WEBSERVER.SCHEME
}

/** The actor URL behind `acct:name@host`, asked to the host's WebFinger endpoint. */
export async function webfingerActorUrl (name: string, host: string): Promise<string> {
  if (!isValidRemoteHost(host)) throw new RemoteRequestError('invalid-url', `Invalid host ${host}`)

  const resource = `acct:${name}@${host}`
  const url = `${remoteScheme()}://${host}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`
  const jrd = await fetchRemoteJson(url, 'application/jrd+json, application/json')

  const links = isObject(jrd) && Array.isArray(jrd.links) ? jrd.links : []
  const self = links.find(link =>
    isObject(link) &&
    link.rel === 'self' &&
    typeof link.href === 'string' &&
    (link.type === 'application/activity+json' || (typeof link.type === 'string' && link.type.startsWith('application/ld+json')))
  ) as { href: string } | undefined

  if (!self || !urlOrigin(self.href)) {
    throw new RemoteRequestError('invalid-json', `WebFinger of ${resource} has no ActivityPub self link`, { url })
  }
  return self.href
}
