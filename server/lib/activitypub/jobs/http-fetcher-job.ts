import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { OUTBOX_CRAWL } from '../../../initializers/constants/federation.js'
import { getActivityActorUrl, getObjectId, isObject, type Activity } from '../activity-types.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin, urlOrigin } from '../ownership.js'
import { processActivity } from '../process/index.js'
import { whyRefuseActivity } from '../trust/activity-admission.js'
import type { ActivitypubHttpFetcherPayload, CrawlType } from './payloads.js'

const log = loggerWithTags('activitypub', 'crawl')

/** What to do with each item of a crawled collection; `collectionUrl` is where it was read. */
export type CrawlItemHandler = (item: unknown, collectionUrl: string) => Promise<void>

const itemHandlers = new Map<CrawlType, CrawlItemHandler>([ [ 'activity', processOutboxItem ] ])

/** Lets other modules crawl their own collections (video likes, comments...) or replace the outbox handling. */
export function registerCrawlItemHandler (type: CrawlType, handler: CrawlItemHandler) {
  itemHandlers.set(type, handler)
}

/**
 * activitypub-http-fetcher: walks a remote OrderedCollection (first -> next...) within OUTBOX_CRAWL limits and
 * hands every item to the handler of the crawl type.
 */
export async function processActivitypubHttpFetcher (job: Job<ActivitypubHttpFetcherPayload>) {
  const handler = itemHandlers.get(job.data.type)
  if (!handler) throw new Error(`No crawl handler for ${job.data.type}`)

  const root = (await fetchRemoteObject(job.data.uri)).body
  let pageUrl: string | undefined = getObjectId(root.first)
  let page: Record<string, unknown> | undefined = isObject(root.first) && Array.isArray(pageItems(root.first)) ? root.first : undefined
  if (!pageUrl && !page && pageItems(root)) page = root

  let pages = 0
  let items = 0
  while ((page || pageUrl) && pages < OUTBOX_CRAWL.MAX_PAGES && items < OUTBOX_CRAWL.MAX_ITEMS) {
    if (!page) page = (await fetchRemoteObject(pageUrl!)).body
    if (!isSameOrigin(String(page.id), job.data.uri)) break
    pages++

    for (const item of pageItems(page) ?? []) {
      if (items++ >= OUTBOX_CRAWL.MAX_ITEMS) break
      await handler(item, job.data.uri).catch(err => log.warn(`Cannot handle an item of ${job.data.uri}`, { err }))
    }

    const next = getObjectId(page.next)
    page = undefined
    pageUrl = next && next !== pageUrl ? next : undefined
  }

  return { pages, items }
}

function pageItems (page: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(page.orderedItems)) return page.orderedItems
  if (Array.isArray(page.items)) return page.items
  return undefined
}

/**
 * An outbox activity is processed like a delivered one, as its actor: read from the actor's own server, it is
 * as authentic as a signed delivery, provided the actor lives where the outbox does.
 */
export async function processOutboxItem (item: unknown, collectionUrl: string) {
  if (!isObject(item) || typeof item.type !== 'string' || typeof item.id !== 'string') return
  const actorUrl = getActivityActorUrl(item)
  if (!actorUrl || !urlOrigin(actorUrl) || !isSameOrigin(actorUrl, collectionUrl) || !isSameOrigin(item.id, actorUrl)) return

  // Outboxes of actors we follow: what their items bring must still be wanted here before the item's actor is stored.
  const why = await whyRefuseActivity(item as Activity, actorUrl)
  if (why) {
    log.debug(`Outbox item ${item.id} of ${collectionUrl} skipped: ${why}`)
    return
  }

  const byActor = await getOrCreateActorByUrl(actorUrl)
  await processActivity({ activity: item as Activity, byActor, fromOutbox: true })
}
