import { CONFIG } from '../../../initializers/config/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { findVideo, findVideoById } from '../../../models/video/queries/video-finders.js'
import { isLocalUrl } from '../local-urls.js'
import { urlOrigin } from '../ownership.js'
import { getOrFetchRemoteVideo } from './get-remote-video.js'

const log = loggerWithTags('activitypub', 'videos')

/** Whether a search for a URL may fetch it from its origin for this visitor (PeerTube's search.remote_uri). */
export function maySearchRemoteUri (loggedIn: boolean) {
  return loggedIn ? CONFIG.search.remote_uri.users : CONFIG.search.remote_uri.anonymous
}

export function looksLikeUrl (search: string) {
  return /^https?:\/\//i.test(search) && urlOrigin(search) !== undefined
}

/**
 * A video searched for by its URL: ours, stored, or fetched from its origin now and stored. A user asked for it
 * on purpose, so the "only followed content" rule does not apply; it is reachable here, and listed only if the
 * instance follows its publisher. Undefined when there is no video there (or its origin cannot be reached).
 */
export async function findVideoByUrl (url: string, options: { mayFetch: boolean }) {
  const stored = await findVideo({ url }, 'summary')
  if (stored || isLocalUrl(url) || !options.mayFetch) return stored ?? undefined

  try {
    const video = await getOrFetchRemoteVideo(url)
    return video ? (await findVideoById(video.id, 'summary')) ?? undefined : undefined
  } catch (err) {
    log.info(`Search for ${url}: no video could be fetched there (${(err as Error).message})`)
    return undefined
  }
}
