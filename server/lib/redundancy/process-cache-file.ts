import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { ActorFollowModel } from '../../models/actor/actor-follow.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoModel } from '../../models/video/video.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { getObjectType, isObject, type Activity } from '../activitypub/activity-types.js'
import { isSameOrigin } from '../activitypub/ownership.js'
import type { ActivityContext } from '../activitypub/process/activity-context.js'
import { getServerActor } from '../activitypub/server-actor.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { withVideoLock } from '../videos/video-lock.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { parseCacheFileObject } from './cache-file-object.js'
import { reseedWebVideo } from './check-remote-mirror-job.js'

const log = loggerWithTags('redundancy')

/** `remote_redundancy.videos.accept_from`: whose mirrors of our videos we consider at all. */
async function isAcceptedMirror (byActor: ActivityContext['byActor']) {
  const policy = CONFIG.remote_redundancy.videos.accept_from
  if (policy === 'nobody') return false
  if (policy === 'anybody') return true
  const serverActor = await getServerActor()
  return (await ActorFollowModel.count({ where: { actorId: serverActor.id, targetActorId: byActor.id, state: 'accepted' } })) !== 0
}

/**
 * Create or Update of a CacheFile: a remote instance mirrors a video. Kept as `pending`: nothing lists it until
 * the check job has read its copy and found our bytes (our own videos), so a mirror announcing a video it does not
 * hold, or other bytes, is never offered to viewers. Mirrors of remote videos are the origin's to check: not kept.
 */
export async function processCreateCacheFile ({ activity, byActor }: ActivityContext) {
  if (getObjectType(activity.object) !== 'CacheFile') return false
  const cacheFile = parseCacheFileObject(activity.object)
  if (!cacheFile) {
    log.warn(`${activity.type} ${activity.id}: not a CacheFile we understand, ignored`)
    return true
  }
  if (!isSameOrigin(cacheFile.id, byActor.url)) {
    log.warn(`${activity.type} ${activity.id}: CacheFile ${cacheFile.id} is not ${byActor.url}'s, ignored`)
    return true
  }
  if (!await isAcceptedMirror(byActor)) {
    log.info(`Mirror ${cacheFile.id} by ${byActor.url} not accepted (remote_redundancy.videos.accept_from: ${CONFIG.remote_redundancy.videos.accept_from})`)
    return true
  }

  const video = await VideoModel.findOne({ where: { url: cacheFile.videoUrl, remote: false }, include: detailsIncludes() })
  if (!video) return true

  let videoFileId: number | null = null
  let videoStreamingPlaylistId: number | null = null
  if (cacheFile.target.kind === 'hls') {
    videoStreamingPlaylistId = video.VideoStreamingPlaylists?.[0]?.id ?? null
  } else {
    const { height, fps } = cacheFile.target
    videoFileId = (video.VideoFiles ?? []).find(f => f.resolution === height && (fps === undefined || f.fps === fps))?.id ?? null
  }
  if (!videoFileId && !videoStreamingPlaylistId) {
    log.warn(`Mirror ${cacheFile.id}: ${video.url} has no such file, ignored`)
    return true
  }

  await unitOfWork(async () => {
    const existing = await VideoRedundancyModel.findOne({ where: { url: cacheFile.id } })
    if (existing && existing.actorId !== byActor.id) {
      log.warn(`Mirror ${cacheFile.id} belongs to another actor: ${activity.type} by ${byActor.url} ignored`)
      return
    }
    const changed = !existing || existing.fileUrl !== cacheFile.href || existing.videoFileId !== videoFileId
    const redundancy = existing ?? VideoRedundancyModel.build({ url: cacheFile.id, actorId: byActor.id, strategy: null, fileUrl: cacheFile.href, expiresOn: null, videoFileId, videoStreamingPlaylistId })
    redundancy.expiresOn = cacheFile.expiresOn
    redundancy.fileUrl = cacheFile.href
    redundancy.videoFileId = videoFileId
    redundancy.videoStreamingPlaylistId = videoStreamingPlaylistId
    if (changed) {
      redundancy.state = 'pending'
      redundancy.stateReason = null
    }
    // Every announce marks the row: a check reading the copy meanwhile knows to read it again.
    if (existing) redundancy.changed('updatedAt', true)
    await redundancy.save()
    // A mirror announced again (made again after a change, or repaired) is read again; listed meanwhile if it was.
    // A plain Update (a longer lifetime) of a checked copy is not, unless the video's files changed since the check.
    if (changed || activity.type === 'Create' || redundancy.state !== 'verified' || filesChangedSince(video, redundancy)) {
      await jobQueue.createJob('video-redundancy-check', { redundancyId: redundancy.id, activity: activity as Activity }, { dedupKey: `video-redundancy-check:${redundancy.id}` })
    }
  })
  return true
}

function filesChangedSince (video: VideoModel, redundancy: VideoRedundancyModel) {
  const files = redundancy.videoStreamingPlaylistId
    ? video.VideoStreamingPlaylists?.find(p => p.id === redundancy.videoStreamingPlaylistId)?.VideoFiles ?? []
    : (video.VideoFiles ?? []).filter(f => f.id === redundancy.videoFileId)
  const checkedAt = redundancy.verifiedAt ? new Date(redundancy.verifiedAt).getTime() : 0
  return files.some(f => new Date(f.createdAt).getTime() > checkedAt)
}

/** Undo of a Create CacheFile: the mirror is gone, by its own word. */
export async function processUndoCacheFile ({ activity, byActor }: ActivityContext) {
  const create = activity.object
  if (!isObject(create) || getObjectType(create) !== 'Create' || getObjectType(create.object) !== 'CacheFile') return false
  const id = isObject(create.object) ? (create.object as { id?: string }).id : undefined
  const redundancy = id ? await VideoRedundancyModel.findOne({ where: { url: id, actorId: byActor.id } }) : null
  if (!redundancy) return true

  const videoFileId = redundancy.videoFileId
  const video = await videoOf(redundancy)
  if (!video) {
    await redundancy.destroy()
    return true
  }
  await withVideoLock(video.id, async () => {
    const wasListed = redundancy.state === 'verified'
    await redundancy.destroy()
    if (wasListed && videoFileId) await reseedWebVideo(video, videoFileId)
    if (wasListed) await recordVideoChanged(video)
  })
  log.info(`Mirror ${redundancy.url} withdrawn by ${byActor.url}`)
  return true
}

async function videoOf (redundancy: VideoRedundancyModel) {
  const videoId = redundancy.videoFileId
    ? (await VideoFileModel.findByPk(redundancy.videoFileId))?.videoId
    : (await VideoStreamingPlaylistModel.findByPk(redundancy.videoStreamingPlaylistId!))?.videoId
  return videoId ? VideoModel.findByPk(videoId, { include: detailsIncludes() }) : null
}
