import type { Job } from 'bull'
import { ActorModel } from '../../../models/actor/actor.js'
import { isActorStale, refreshRemoteActor } from '../actors/get-actor.js'
import type { ActivitypubRefresherPayload, RefreshType } from './payloads.js'

export type Refresher = (url: string) => Promise<unknown>

/** Refreshers of other object types (videos: the video module plugs its own). */
const refreshers = new Map<RefreshType, Refresher>([ [ 'actor', refreshActorByUrl ] ])

export function registerRefresher (type: RefreshType, refresher: Refresher) {
  refreshers.set(type, refresher)
}

/** activitypub-refresher: fetch a remote object again when its copy is old. */
export async function processActivitypubRefresher (job: Job<ActivitypubRefresherPayload>) {
  const refresher = refreshers.get(job.data.type)
  if (!refresher) return { skipped: `no refresher for ${job.data.type}` }
  return refresher(job.data.url)
}

async function refreshActorByUrl (url: string) {
  const actor = await ActorModel.loadByUrl(url)
  if (!actor || actor.isLocal() || !isActorStale(actor)) return { skipped: true }

  const refreshed = await refreshRemoteActor(actor)
  return { refreshed: refreshed !== undefined, deleted: refreshed === undefined }
}
