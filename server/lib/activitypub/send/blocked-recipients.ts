import { listHostsBlockedByInstance } from '../../moderation/blocklist/instance-blocks.js'
import { urlHost } from '../ownership.js'

/**
 * The inboxes left once servers the instance blocked are taken out: nothing is delivered to them. Checked when a
 * delivery is queued and again when it runs (the block may have come in between).
 */
export async function withoutBlockedInboxes (uris: string[]) {
  const blocked = await listHostsBlockedByInstance(uris.map(uri => urlHost(uri) ?? ''))
  if (blocked.size === 0) return uris
  return uris.filter(uri => !blocked.has((urlHost(uri) ?? '').toLowerCase()))
}
