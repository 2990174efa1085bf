import {
  ACTIVITY_PUB_CONTEXT_TYPES,
  signLdDocument,
  withActivityPubContext,
  type ActivityPubContextType
} from '../../../helpers/activitypub/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { getObjectType, type OutgoingActivity } from '../activity-types.js'

const log = loggerWithTags('activitypub', 'send')

/**
 * The @context an activity is sent with: given, or the one of its object's type for Create/Update (a Video
 * needs the Video terms), or of its own type; the base context otherwise (Undo, Like...).
 */
export function contextTypeFor (activity: OutgoingActivity, explicit?: ActivityPubContextType): ActivityPubContextType {
  if (explicit) return explicit

  const known = (type: string | undefined): type is ActivityPubContextType =>
    type !== undefined && (ACTIVITY_PUB_CONTEXT_TYPES as string[]).includes(type)

  const objectType = getObjectType(activity.object)
  if ((activity.type === 'Create' || activity.type === 'Update') && known(objectType)) return objectType
  if (known(activity.type)) return activity.type
  return 'Collection'
}

/**
 * The body as it goes on the wire: @context in front and an LD signature by `byActor` (which lets peers
 * forward it). A document the signature cannot cover (undefined terms) is sent unsigned, with a warning: the
 * HTTP signature still authenticates it to its direct recipients.
 */
export async function prepareActivityBody (activity: OutgoingActivity, byActor: ActorModel, contextType?: ActivityPubContextType) {
  const document = withActivityPubContext(activity, contextTypeFor(activity, contextType)) as Record<string, unknown>
  if (!byActor.privateKey) throw new Error(`Actor ${byActor.url} has no private key yet: cannot send`)

  try {
    return await signLdDocument(document, { privateKeyPem: byActor.privateKey, creator: byActor.url })
  } catch (err) {
    log.warn(`Cannot LD-sign ${activity.type} ${activity.id}: sending it with the HTTP signature only`, { err: (err as Error).message })
    return document
  }
}
