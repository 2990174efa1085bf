import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { OUTBOX_CRAWL } from '../../../initializers/constants/federation.js'
import { ActorOutboxSyncModel } from '../../../models/actor/actor-outbox-sync.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { getObjectId, isObject } from '../activity-types.js'
import { processOutboxItem } from '../jobs/http-fetcher-job.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'
import { outboxCrawlOrderKey } from './outbox-sync.js'

const log = loggerWithTags('activitypub', 'crawl')

export interface ActivitypubOutboxCrawlPayload {
  actorId: number
}

function pageItems (page: Record<string, unknown>): unknown[] {
  if (Array.isArray(page.orderedItems)) return page.orderedItems
  if (Array.isArray(page.items)) return page.items
  return []
}

/**
 * activitypub-outbox-crawl: reads the next page of a remote actor's outbox (the collection itself first, for its
 * size and first page), processes its activities as if delivered, then records the cursor and queues the next
 * page in one unit of work. A failing page is retried with backoff from where the crawl is; items that fail alone
 * are skipped. Re-reading a page after a crash is harmless: processing is idempotent.
 */
export async function processActivitypubOutboxCrawl (job: Job<ActivitypubOutboxCrawlPayload>) {
  const sync = await ActorOutboxSyncModel.loadByActor(job.data.actorId)
  const actor = await ActorModel.findByPk(job.data.actorId)
  if (!sync || !actor || sync.state !== 'syncing') return { skipped: true }

  let pageUrl = sync.nextPageUrl
  let page: Record<string, unknown> | undefined
  let totalItems = sync.totalItems

  if (sync.pagesRead === 0 && !pageUrl) {
    const root = (await fetchRemoteObject(sync.outboxUrl)).body
    totalItems = typeof root.totalItems === 'number' && root.totalItems >= 0 ? Math.floor(root.totalItems) : null
    if (isObject(root.first)) page = root.first
    else pageUrl = getObjectId(root.first) ?? null
    if (!page && !pageUrl && pageItems(root).length !== 0) page = root
  }

  if (!page && pageUrl) page = (await fetchRemoteObject(pageUrl)).body
  if (page && page.id !== undefined && !isSameOrigin(String(page.id), sync.outboxUrl)) {
    throw new Error(`Outbox page ${String(page.id)} is not on the origin of ${sync.outboxUrl}`)
  }

  const items = page ? pageItems(page).slice(0, OUTBOX_CRAWL.MAX_ITEMS_PER_PAGE) : []
  for (const item of items) {
    await processOutboxItem(item, sync.outboxUrl).catch(err => log.warn(`Cannot handle an item of ${sync.outboxUrl}`, { err }))
  }

  const next = page ? getObjectId(page.next) : undefined
  const pagesRead = sync.pagesRead + 1
  const more = next !== undefined && next !== pageUrl && pagesRead < OUTBOX_CRAWL.MAX_OUTBOX_PAGES && isSameOrigin(next, sync.outboxUrl)

  await unitOfWork(async () => {
    await sync.update({
      totalItems,
      processedItems: sync.processedItems + items.length,
      pagesRead,
      nextPageUrl: more ? next! : null,
      state: more ? 'syncing' : 'synced',
      finishedAt: more ? null : new Date(),
      lastError: null
    })
    if (more) await jobQueue.createJob('activitypub-outbox-crawl', { actorId: actor.id }, { orderKey: outboxCrawlOrderKey(actor.id) })
  })

  if (!more) log.info(`Outbox of ${actor.url} read: ${sync.processedItems} items in ${pagesRead} pages`)
  return { page: pageUrl ?? sync.outboxUrl, items: items.length, more }
}

/** After the last attempt: the sync shows as failed, with the reason, where it stopped (it can be started again). */
export async function onOutboxCrawlFailed (job: Job<ActivitypubOutboxCrawlPayload>, err: Error) {
  await ActorOutboxSyncModel.update({ state: 'failed', lastError: err.message.slice(0, 1000) }, { where: { actorId: job.data.actorId } })
}
