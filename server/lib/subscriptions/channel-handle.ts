import { parseActorHandle } from '../../models/account/actor-handle.js'
import { isValidRemoteHost } from '../activitypub/actors/webfinger-client.js'

/** `name` or `name@host` (a leading `@` removed first), the host being one we could ask. */
export function isValidChannelHandle (handle: string) {
  const { name, host } = parseActorHandle(handle)
  return name !== '' && (host === null || isValidRemoteHost(host))
}
