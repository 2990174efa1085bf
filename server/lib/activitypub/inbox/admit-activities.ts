import { loggerWithTags } from '../../../helpers/logger.js'
import { outageOf } from '../../../helpers/outage-errors.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { excerpt, forbidden } from '../../http-problems/http-problem.js'
import type { Activity } from '../activity-types.js'
import { whyRefuseActivity } from '../trust/activity-admission.js'
import { concernsWhatWeHave } from '../trust/unknown-actor-admission.js'
import { persistActor, type ProvenActor } from './authenticate-inbox-request.js'

const log = loggerWithTags('activitypub', 'inbox')

// What an actor we never stored cannot be doing to anything here: undoing, deleting, updating or answering.
const NOTHING_TO_ACT_ON_FOR_UNKNOWN_ACTORS = new Set([ 'Undo', 'Delete', 'Update', 'Accept', 'Reject' ])

/**
 * The last check of an inbox request: every activity must be wanted here (lib/activitypub/trust/). One refused
 * activity refuses the request (403) before anything is written. Activities of an actor we do not know that
 * can only be about what it has here (an Undo, a Delete...) are dropped: there is nothing, and its row would be
 * stored for nothing; so are its Notes, Likes, Follows and Flags about nothing we have (unknown-actor-admission.ts). Then the actors of the kept activities are stored (a new signer gets its row only now).
 */
export async function admitActivities (activities: Activity[], actors: ProvenActor[]) {
  for (let i = 0; i < activities.length; i++) {
    const why = await whyRefuseActivity(activities[i], actors[i].url)
    if (why) {
      log.info(`Refused ${activities[i].type} ${activities[i].id} of ${actors[i].url}: ${why}`)
      throw forbidden(`${excerpt(activities[i].type)} ${excerpt(activities[i].id)} refused: ${why}`)
    }
  }

  const kept: { activities: Activity[], byActors: ActorModel[] } = { activities: [], byActors: [] }
  for (let i = 0; i < activities.length; i++) {
    const actor = actors[i]
    if (!actor.stored && NOTHING_TO_ACT_ON_FOR_UNKNOWN_ACTORS.has(activities[i].type)) {
      log.debug(`${activities[i].type} ${activities[i].id} of ${actor.url}, an actor we do not know: nothing to do`)
      continue
    }
    if (!actor.stored && !await concernsWhatWeHave(activities[i])) {
      log.info(`${activities[i].type} ${activities[i].id} of ${actor.url}, an actor we do not know, is about nothing we have: dropped`)
      continue
    }
    kept.activities.push(activities[i])
    kept.byActors.push(await storeActor(actor))
  }
  return kept
}

async function storeActor (actor: ProvenActor) {
  try {
    return await persistActor(actor)
  } catch (err) {
    if (outageOf(err)) throw err
    // A handle or host held by another origin, a channel whose owner cannot be had: nothing stored.
    log.info(`Cannot store the actor ${actor.url} of an inbox request: ${(err as Error).message}`)
    throw forbidden(`The actor ${excerpt(actor.url)} cannot be stored here: ${excerpt((err as Error).message)}`)
  }
}
