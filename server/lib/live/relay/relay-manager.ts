import { VideoPrivacy, VideoState, VideoStreamingPlaylistType } from '../../../../shared/models/videos.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { LIVE } from '../../../initializers/constants/live.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { sendRelayAnnounce } from './relay-announce.js'
import { dropRelayCache, relayCacheDir } from './relay-cache.js'
import { isRelayedHere, relayBaseUrl } from './relay-urls.js'
import { readdir } from 'node:fs/promises'

const log = loggerWithTags('live', 'relay')

// Which remote lives this instance relays: those its viewers watch. The origin is told (a CacheFile, renewed
// before it expires) while viewers come, and the cached files go when the live is over.

const LOOKUP_TTL_MS = 3_000
const lookups = new Map<string, { video: VideoModel | null, at: number }>()
const announcedAt = new Map<string, number>()

export interface RelayedLive {
  video: VideoModel
  originBase: string
  masterName: string
  hashesUrl: string | null
}

/** The remote live behind a relay URL, if we relay it (public or unlisted, streaming). */
export async function findRelayedLive (uuid: string): Promise<RelayedLive | undefined> {
  let entry = lookups.get(uuid)
  if (!entry || Date.now() - entry.at > LOOKUP_TTL_MS) {
    const video = await VideoModel.findOne({ where: { uuid, remote: true }, include: detailsIncludes() })
    entry = { video, at: Date.now() }
    lookups.set(uuid, entry)
    if (lookups.size > 1000) lookups.delete(lookups.keys().next().value as string)
  }
  const video = entry.video
  if (!video || !isRelayedHere(video) || video.state !== VideoState.PUBLISHED) return undefined
  if (video.privacy !== VideoPrivacy.PUBLIC && video.privacy !== VideoPrivacy.UNLISTED) return undefined
  const playlist = (video.VideoStreamingPlaylists ?? []).find(p => p.type === VideoStreamingPlaylistType.HLS)
  if (!playlist?.playlistUrl) return undefined
  const slash = playlist.playlistUrl.lastIndexOf('/')
  return {
    video,
    originBase: playlist.playlistUrl.slice(0, slash + 1),
    masterName: playlist.playlistUrl.slice(slash + 1),
    hashesUrl: playlist.segmentsSha256Url
  }
}

/** A viewer of ours read the live here: the origin hears of this relay, at most once per half lifetime. */
export function noteRelayUse (relayed: RelayedLive) {
  const { video } = relayed
  const last = announcedAt.get(video.uuid) ?? 0
  if (Date.now() - last < LIVE.RELAY_LIFETIME_MS / 2) return
  announcedAt.set(video.uuid, Date.now())
  const expires = new Date(Date.now() + LIVE.RELAY_LIFETIME_MS)
  unitOfWork(() => sendRelayAnnounce(video, `${relayBaseUrl(video.uuid)}${relayed.masterName}`, expires))
    .catch(err => log.warn(`Cannot announce our relay of ${video.url}`, { err }))
}

/** Relayed lives that are over (or gone) lose their cached files; runs every minute. */
async function sweepRelayCaches () {
  const uuids = await readdir(relayCacheDir()).catch(() => [] as string[])
  for (const uuid of uuids) {
    const video = await VideoModel.findOne({ where: { uuid, remote: true }, attributes: [ 'id', 'state', 'isLive', 'remote' ] })
    if (!video || !video.isLive || video.state !== VideoState.PUBLISHED) {
      announcedAt.delete(uuid)
      await dropRelayCache(uuid)
    }
  }
}

let timer: NodeJS.Timeout | undefined

export function startRelays () {
  if (timer) return
  timer = setInterval(() => { sweepRelayCaches().catch(err => log.warn('Cannot sweep the live relay caches', { err })) }, 60_000)
  timer.unref()
}
