import { getObjectId, isObject } from '../activity-types.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'

/**
 * The item ids of a remote OrderedCollection (given as its document), page after page (`first`, then `next`),
 * keeping only pages and items on the collection's origin; at most `max` ids and `maxPages` pages, and a page
 * seen twice ends the walk.
 */
export async function readCollectionItemIds (collection: Record<string, unknown>, options: { max: number, maxPages?: number }) {
  const origin = String(collection.id)
  const ids: string[] = []
  const seen = new Set<string>()
  let page: Record<string, unknown> | undefined = isObject(collection.first) ? collection.first : undefined
  let pageUrl = page ? undefined : getObjectId(collection.first)

  for (let pages = 0; (page || pageUrl) && ids.length < options.max && pages < (options.maxPages ?? 50); pages++) {
    if (!page) {
      if (seen.has(pageUrl!)) break
      seen.add(pageUrl!)
      page = (await fetchRemoteObject(pageUrl!)).body
    }
    if (!isSameOrigin(String(page.id), origin)) break
    const items = Array.isArray(page.orderedItems) ? page.orderedItems : Array.isArray(page.items) ? page.items : []
    for (const item of items) {
      const id = getObjectId(item)
      if (id && isSameOrigin(id, origin)) ids.push(id)
    }
    pageUrl = getObjectId(page.next)
    page = undefined
  }
  return ids.slice(0, options.max)
}
