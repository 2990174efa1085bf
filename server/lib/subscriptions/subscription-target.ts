import { parseActorHandle } from '../../models/account/actor-handle.js'
import { isValidRemoteHost } from '../activitypub/actors/webfinger-client.js'

export type SubscriptionTarget =
  | { kind: 'handle', name: string, host: string | null }
  | { kind: 'url', url: string }

// A channel's page or ActivityPub id on PeerTube-like instances: /c/name, /video-channels/name (and sub-pages).
const CHANNEL_PATH = /^\/(?:c|video-channels)\/([^/@]+)(?:@([^/]+))?(?:\/.*)?$/

/**
 * What a viewer may paste to subscribe: a handle (`name`, `name@host`, `@name@host`) or the URL of a channel
 * (its page or its ActivityPub id). A channel URL of a known shape becomes a handle (found through WebFinger);
 * any other http(s) URL is read as an actor document. Undefined when it is neither.
 */
export function parseSubscriptionTarget (input: string): SubscriptionTarget | undefined {
  const value = input.trim()
  if (/^https?:\/\//i.test(value)) {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return undefined
    }
    if (url.username || url.password) return undefined
    const match = CHANNEL_PATH.exec(decodeURIComponent(url.pathname))
    if (match) {
      const { name, host } = parseActorHandle(`${match[1]}@${match[2] ?? url.host}`)
      return { kind: 'handle', name, host }
    }
    return { kind: 'url', url: url.toString() }
  }

  const { name, host } = parseActorHandle(value.replace(/^@/, ''))
  if (name === '' || !/^[\w.:-]+$/.test(name) || (host !== null && !isValidRemoteHost(host))) return undefined
  return { kind: 'handle', name, host }
}
