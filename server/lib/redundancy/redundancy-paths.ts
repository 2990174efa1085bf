import { join } from 'node:path'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'

// Where this instance keeps and serves its mirrors of remote videos (PeerTube's paths, so players and peers
// find them the same way), and the ActivityPub ids of the CacheFiles announcing them.

export const REDUNDANCY_STATIC_PATH = '/static/redundancy/'

export function redundancyDir () {
  return fromRoot(CONFIG.storage.redundancy)
}

/** A mirrored web video keeps its origin's file name (names are UUIDs). */
export function webVideoMirrorPath (name: string) {
  return join(redundancyDir(), name)
}

export function hlsMirrorDir (videoUuid: string) {
  return join(redundancyDir(), 'hls', videoUuid)
}

/** Where a mirror job downloads before its files replace the served ones (swept by age: see redundancy-sweep.ts). */
export function mirrorStagingRoot () {
  return join(redundancyDir(), '.staging')
}

export function webVideoMirrorUrl (name: string) {
  return WEBSERVER.URL + REDUNDANCY_STATIC_PATH + name
}

/** The base URL players put in front of the HLS file names (the origin's names are kept). */
export function hlsMirrorBaseUrl (videoUuid: string) {
  return `${WEBSERVER.URL}${REDUNDANCY_STATIC_PATH}hls/${videoUuid}`
}

export function webVideoCacheFileId (videoUuid: string, resolution: number, fps: number) {
  return `${WEBSERVER.URL}/redundancy/videos/${videoUuid}/${resolution}${fps > 0 ? `-${fps}` : ''}`
}

export function hlsCacheFileId (videoUuid: string) {
  return `${WEBSERVER.URL}/redundancy/streaming-playlists/hls/${videoUuid}`
}

/** The last segment of a URL's path: the origin's file name. */
export function urlFilename (url: string) {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')
  } catch {
    return ''
  }
}
