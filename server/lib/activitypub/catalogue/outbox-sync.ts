import { ActorOutboxSyncModel } from '../../../models/actor/actor-outbox-sync.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'

/** A sync that made no progress for this long is taken as dead (its jobs lost) and may be started again. */
const STALE_SYNC_MS = 15 * 60_000

export const outboxCrawlOrderKey = (actorId: number) => `outbox-crawl:${actorId}`

/**
 * Starts reading a remote actor's whole outbox (its catalogue), page after page, each page a job that queues the
 * next: a crawl resumes from the page it was at after a crash, a restart or a failing page. A sync already running
 * goes on as it is; a finished or failed one starts again from the first page.
 */
export async function startOutboxSync (actor: ActorModel) {
  if (!actor.outboxUrl || actor.isLocal()) return false

  return unitOfWork(async () => {
    const existing = await ActorOutboxSyncModel.findOne({ where: { actorId: actor.id }, lock: true })
    if (existing?.state === 'syncing' && Date.now() - existing.updatedAt.getTime() < STALE_SYNC_MS) return false

    const fresh = {
      outboxUrl: actor.outboxUrl!,
      state: 'syncing' as const,
      totalItems: null,
      processedItems: 0,
      pagesRead: 0,
      nextPageUrl: null,
      lastError: null,
      startedAt: new Date(),
      finishedAt: null
    }
    if (existing) await existing.update(fresh)
    else await ActorOutboxSyncModel.create({ actorId: actor.id, ...fresh })

    await jobQueue.createJob('activitypub-outbox-crawl', { actorId: actor.id }, { orderKey: outboxCrawlOrderKey(actor.id) })
    // Its playlists come with its catalogue (instances have none: their actor lists no playlists collection).
    if (actor.type !== 'Application') await jobQueue.createJob('activitypub-playlist-fetch', { actorUrl: actor.url }, { dedupKey: `playlists:${actor.url}` })
    return true
  })
}
