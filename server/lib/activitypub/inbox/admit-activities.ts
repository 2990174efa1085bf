import { loggerWithTags } from '../../../helpers/logger.js'
import { outageOf } from '../../../helpers/outage-errors.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { excerpt, forbidden } from '../../http-problems/http-problem.js'
import type { Activity } from '../activity-types.js'
import { whyRefuseActivity } from '../trust/activity-admission.js'
import { persistActor, type ProvenActor } from './authenticate-inbox-request.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * The last check of an inbox request: every activity must be wanted here (lib/activitypub/trust/). One refused
 * activity refuses the request (403) before anything is written; then the actors the activities are processed
 * as are stored (a new signer gets its row only now).
 */
export async function admitActivities (activities: Activity[], actors: ProvenActor[]): Promise<ActorModel[]> {
  for (let i = 0; i < activities.length; i++) {
    const why = await whyRefuseActivity(activities[i], actors[i].url)
    if (why) {
      log.info(`Refused ${activities[i].type} ${activities[i].id} of ${actors[i].url}: ${why}`)
      throw forbidden(`${excerpt(activities[i].type)} ${excerpt(activities[i].id)} refused: ${why}`)
    }
  }

  const stored: ActorModel[] = []
  for (const actor of actors) {
    try {
      stored.push(await persistActor(actor))
    } catch (err) {
      if (outageOf(err)) throw err
      // A handle or host held by another origin, a channel whose owner cannot be had: nothing stored.
      log.info(`Cannot store the actor ${actor.url} of an inbox request: ${(err as Error).message}`)
      throw forbidden(`The actor ${excerpt(actor.url)} cannot be stored here: ${excerpt((err as Error).message)}`)
    }
  }
  return stored
}
