import { col, Op } from 'sequelize'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { findRedundancyCandidates, redundancyUsage } from '../../models/redundancy/queries/redundancy-queries.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { removeVideoRedundancy } from './remove-redundancy.js'
import { sendCreateCacheFile } from './send-cache-file.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'

const log = loggerWithTags('redundancy')

/**
 * A mirror extends its copy's lifetime only when its own scheduler next runs (PeerTube: every `check_interval`, an
 * hour by default) and its Update can be lost on the way: another instance's mirror is forgotten only this long
 * after its expiry, so a mirror that is merely late is not dropped from the listing and added back.
 */
const REMOTE_MIRROR_EXPIRY_GRACE_MS = 2 * 3_600_000

/**
 * videos-redundancy-scheduler (every `redundancy.videos.check_interval`): for each strategy, the next video it
 * picks gets a video-redundancy job when it fits in the strategy's size; our mirrors past their lifetime are kept
 * for another `min_lifetime` while their strategy still exists and fits (Update CacheFile, so the origin, which
 * forgets expired mirrors, keeps listing it), dropped (Undo CacheFile) otherwise;
 * other instances' mirrors are forgotten a while after they expired.
 */
export async function processRedundancyScheduler () {
  const serverActor = await getServerActor()
  let queued = 0
  for (const strategy of CONFIG.redundancy.videos.strategies) {
    const { totalUsed } = await redundancyUsage(strategy.strategy, serverActor.id)
    const candidates = await findRedundancyCandidates({ strategy: strategy.strategy, serverActorId: serverActor.id, minViews: strategy.min_views, limit: 5 })
    const next = candidates.find(c => totalUsed + c.size <= strategy.size)
    if (!next) continue
    await unitOfWork(async () => {
      const id = await jobQueue.createJob('video-redundancy', {
        videoId: next.id,
        strategy: strategy.strategy,
        expiresOn: new Date(Date.now() + strategy.min_lifetime).toISOString()
      }, { dedupKey: `video-redundancy:${next.id}` })
      if (id) queued++
    })
  }

  const expired = await VideoRedundancyModel.findAll({
    where: {
      [Op.or]: [
        { actorId: serverActor.id, expiresOn: { [Op.lt]: new Date() } },
        { actorId: { [Op.ne]: serverActor.id }, expiresOn: { [Op.lt]: new Date(Date.now() - REMOTE_MIRROR_EXPIRY_GRACE_MS) } }
      ]
    }
  })
  let extended = 0
  let removed = 0
  for (const redundancy of expired) {
    const strategy = CONFIG.redundancy.videos.strategies.find(s => s.strategy === redundancy.strategy)
    if (redundancy.actorId === serverActor.id && strategy && (await redundancyUsage(strategy.strategy, serverActor.id)).totalUsed <= strategy.size) {
      redundancy.expiresOn = new Date(Date.now() + strategy.min_lifetime)
      await unitOfWork(async () => {
        await redundancy.save()
        await announceLongerLifetime(serverActor, redundancy)
      })
      extended++
      continue
    }
    await removeVideoRedundancy(redundancy)
    removed++
  }
  const late = await checkLateRemoteMirrors(serverActor.id)
  if (queued + removed + late !== 0) log.info(`Redundancy: ${queued} video(s) to mirror, ${extended} mirror(s) extended, ${removed} removed, ${late} late mirror(s) read again`)
  return { queued, extended, removed, late }
}

/**
 * Another instance's mirror past its expiry (within the grace above) and not announced since: its copy is read
 * once more, so one that was dropped while its Undo got lost is no longer offered to viewers.
 */
async function checkLateRemoteMirrors (serverActorId: number) {
  const now = Date.now()
  const late = await VideoRedundancyModel.findAll({
    where: {
      actorId: { [Op.ne]: serverActorId },
      state: 'verified',
      expiresOn: { [Op.lt]: new Date(now), [Op.gte]: new Date(now - REMOTE_MIRROR_EXPIRY_GRACE_MS) },
      verifiedAt: { [Op.lt]: col('expiresOn') }
    }
  })
  for (const mirror of late) {
    await unitOfWork(() => jobQueue.createJob('video-redundancy-check', { redundancyId: mirror.id }, { dedupKey: `video-redundancy-check:${mirror.id}` }))
  }
  return late.length
}

async function announceLongerLifetime (serverActor: Awaited<ReturnType<typeof getServerActor>>, redundancy: VideoRedundancyModel) {
  const file = redundancy.videoFileId ? await VideoFileModel.findByPk(redundancy.videoFileId) : null
  const playlist = redundancy.videoStreamingPlaylistId ? await VideoStreamingPlaylistModel.findByPk(redundancy.videoStreamingPlaylistId) : null
  const videoId = file?.videoId ?? playlist?.videoId
  const video = videoId ? await VideoModel.findByPk(videoId, { include: detailsIncludes() }) : null
  if (video) await sendCreateCacheFile(serverActor, video, redundancy, file, 'Update')
}

/**
 * A refused copy is read again after a minute, then after 2, 4... up to a day, at most this many times: a refusal
 * is never final (the mirror may catch up with a rendition it lacked). Any new announce of the mirror, or a change
 * of the video's files, reads it again at once, whatever this count.
 */
const MAX_REFUSED_RETRIES = 10

export function refusedMirrorRetryDelay (retry: number) {
  return Math.min(60_000 * 2 ** (retry - 1), 24 * 3_600_000)
}

/** In the check's unit of work. */
export async function queueRefusedMirrorRetry (redundancyId: number, retry: number) {
  if (retry > MAX_REFUSED_RETRIES) return
  await jobQueue.createJob('video-redundancy-check', { redundancyId, retry }, {
    delay: refusedMirrorRetryDelay(retry),
    // Not the announce's key: an announce arriving meanwhile is checked at once, not after this delay.
    dedupKey: `video-redundancy-recheck:${redundancyId}:${retry}`
  })
}
