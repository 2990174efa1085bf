import { buildActivityPubContext } from '../../../helpers/activitypub/index.js'
import { COLLECTION_ITEMS_PER_PAGE } from '../../../initializers/constants/federation.js'

export interface CollectionSlice<T = unknown> {
  total: number
  data: T[]
}

export type CollectionLoader<T = unknown> = (start: number, count: number) => Promise<CollectionSlice<T>>

/**
 * An ActivityPub OrderedCollection the way PeerTube pages them: without `?page` the collection (totalItems and
 * a link to the first page, absent when empty), with `?page=N` the OrderedCollectionPage N (prev/next links
 * when they exist). Pages hold COLLECTION_ITEMS_PER_PAGE items.
 */
export async function buildOrderedCollection<T> (baseUrl: string, page: number | undefined, loader: CollectionLoader<T>) {
  const context = buildActivityPubContext('Collection')

  if (page === undefined) {
    const { total } = await loader(0, 1)
    return {
      '@context': context,
      id: baseUrl,
      type: 'OrderedCollection',
      totalItems: total,
      first: total === 0 ? undefined : `${baseUrl}?page=1`
    }
  }

  const start = (page - 1) * COLLECTION_ITEMS_PER_PAGE
  const { total, data } = await loader(start, COLLECTION_ITEMS_PER_PAGE)

  return {
    '@context': context,
    id: `${baseUrl}?page=${page}`,
    type: 'OrderedCollectionPage',
    prev: page > 1 ? `${baseUrl}?page=${page - 1}` : undefined,
    next: start + COLLECTION_ITEMS_PER_PAGE < total ? `${baseUrl}?page=${page + 1}` : undefined,
    partOf: baseUrl,
    orderedItems: data,
    totalItems: total
  }
}

/** `?page=` as a positive integer; undefined for the collection itself (absent or unreadable, as PeerTube). */
export function parsePageParam (value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined
  const page = parseInt(value, 10)
  return page >= 1 ? page : undefined
}
