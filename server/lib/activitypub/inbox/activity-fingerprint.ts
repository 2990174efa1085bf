import { createHash } from 'node:crypto'
import { getObjectType, type Activity } from '../activity-types.js'

/**
 * Activities whose second processing could change something, and whose senders never repeat them unchanged on
 * purpose: a Create (or an Update of a comment) processed again after a newer Update would bring the old text back; a View or
 * a Flag would be counted again (their processors also dedupe by id: this is the first line). A sender that
 * retries a delivery (a timeout after we answered), or a copy forwarded by another server, signs it anew: the
 * request fingerprint differs, this one does not.
 *
 * Of Updates, only those of a Note (a comment's edit) are remembered. The same Update of a Video again means "read
 * my counters and collections again" (PeerTube sends it unchanged when only its likes changed: rates do not move
 * `updatedAt`, which makes its id); playlists and actors are read whole again, which a repeat cannot spoil.
 *
 * Not here, on purpose: Like, Dislike, Announce, Follow, Undo, Delete, Accept and Reject. PeerTube gives them
 * ids derived from what they are about (`<actor>/likes/<video>`, `<like>/undo`...), so like, unlike and like
 * again sends the same activity twice, legitimately; they are idempotent by state instead (a second Like of a
 * liked video changes nothing).
 */
const REMEMBERED_TYPES = new Set([ 'Create', 'Update', 'View', 'Flag' ])

/**
 * The fingerprint of a received activity (its id and whole content, LD signature aside), for the replay memory;
 * undefined when repeats of its type are the processors' business. A legitimate new version of an object comes
 * with another content (a new `updated`, new text, new counters) and is processed.
 */
export function activityFingerprint (activity: Activity) {
  if (!REMEMBERED_TYPES.has(activity.type) || typeof activity.id !== 'string') return undefined
  if (activity.type === 'Update' && getObjectType(activity.object) !== 'Note') return undefined
  const { signature: _ldSignature, ...content } = activity as Activity & { signature?: unknown }
  return createHash('sha256').update('activity\0').update(JSON.stringify(content)).digest('hex')
}
