import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorModel } from '../../../models/actor/actor.js'
import type { OutgoingActivity } from '../activity-types.js'
import { buildLocalActorDocument } from '../actors/local-actor-document.js'
import { getServerActor } from '../server-actor.js'
import { getAudienceFromFollowersOf } from '../videos/audience.js'
import { sendToFollowers } from './recipients.js'

const log = loggerWithTags('activitypub', 'send')

/**
 * Tells remote instances that one of our accounts or channels changed (display name, description, support text,
 * avatar, banner), as PeerTube does: an Update carrying the actor's document, to the actor's followers and to the
 * instances following this one (they hold copies of our accounts and channels through our videos). Called in the
 * unit of work of the change, so the document read here is the changed one and the delivery leaves with its commit.
 */
export async function sendUpdateActor (actorId: number) {
  const actor = await ActorModel.findByPk(actorId)
  if (!actor) return
  const document = await buildLocalActorDocument(actor)
  if (!document) return

  const { '@context': _context, ...object } = document
  const serverActor = await getServerActor()
  const activity: OutgoingActivity = {
    ...getAudienceFromFollowersOf([ actor ]),
    type: 'Update',
    id: `${actor.url}/updates/${new Date().toISOString()}`,
    actor: actor.url,
    object
  }
  log.info(`Sending Update of actor ${actor.url}`)
  await sendToFollowers(activity, actor, [ actor.id, serverActor.id ], { contextType: 'Actor' })
}
