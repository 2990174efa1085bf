import { createHash } from 'node:crypto'
import { VideoState } from '../../../../shared/models/videos.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { LIVE } from '../../../initializers/constants/live.js'
import { detailsIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import { redis } from '../../redis.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { liveManager } from '../live-manager.js'
import { sendViewerCount, sendViewerToOrigin } from '../federation/send-live-views.js'

const log = loggerWithTags('live', 'viewers')

// Who watches a live now, as PeerTube counts it: each viewer (one of ours, by address; one of a remote instance,
// by the id of the View it sent) counts until its `expires`. Our viewers of a remote live are reported to its
// origin; the origin's total reaches its followers as a View with `expires` and the count in `result`.

const viewersKey = (videoId: number) => `live-viewers:${videoId}`
const reportedKey = (videoId: number, viewer: string) => `live-viewer-reported:${videoId}:${viewer}`

/** One of our viewers pinged (POST /videos/{id}/views while watching a live). */
export async function noteLocalViewer (video: Pick<VideoModel, 'id' | 'uuid' | 'remote' | 'url'>, ip: string) {
  const viewer = createHash('sha256').update(`${ip}:${video.uuid}`).digest('hex').slice(0, 24)
  const expires = Date.now() + LIVE.VIEWER_LIFETIME_MS
  await redis().zadd(viewersKey(video.id), expires, `local:${viewer}`)
  if (!video.remote) return

  // Reported to the origin when new, then again before its View expires there.
  const fresh = await redis().set(reportedKey(video.id, viewer), '1', 'PX', Math.round(LIVE.VIEWER_LIFETIME_MS / 2), 'NX')
  if (fresh !== 'OK') return
  const full = await VideoModel.findByPk(video.id, { include: detailsIncludes() })
  if (full) await unitOfWork(() => sendViewerToOrigin(full, viewer, new Date(expires)))
}

/** A remote instance reported one of its viewers of our live (View with `expires`, no count). */
export async function noteRemoteViewer (videoId: number, viewerId: string, expires: Date) {
  const until = Math.min(expires.getTime(), Date.now() + LIVE.VIEWER_LIFETIME_MS * 4)
  if (until <= Date.now()) return
  await redis().zadd(viewersKey(videoId), until, `remote:${viewerId}`)
}

export async function countViewers (videoId: number) {
  const now = Date.now()
  await redis().zremrangebyscore(viewersKey(videoId), 0, now)
  return redis().zcount(viewersKey(videoId), now, '+inf')
}

/** Every few seconds: the count of each of our running lives is stored and, when it moved, federated. */
async function refreshLocalCounts () {
  for (const session of liveManager.sessions()) {
    const video = session.video
    const count = await countViewers(video.id)
    const stored = await VideoModel.findByPk(video.id, { include: detailsIncludes() })
    if (!stored || stored.viewers === count) continue
    await unitOfWork(async () => {
      await VideoModel.update({ viewers: count }, { where: { id: video.id }, silent: true })
      if (stored.state === VideoState.PUBLISHED) await sendViewerCount(stored, count, new Date(Date.now() + LIVE.VIEWER_LIFETIME_MS))
    })
  }
}

let timer: NodeJS.Timeout | undefined

export function startLiveViewers () {
  if (timer) return
  timer = setInterval(() => {
    refreshLocalCounts().catch(err => log.warn('Cannot refresh live viewer counts now', { err }))
  }, LIVE.VIEWERS_INTERVAL_MS)
  timer.unref()
}

export function stopLiveViewers () {
  clearInterval(timer)
  timer = undefined
}
