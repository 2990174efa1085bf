import type { Job } from 'bull'
import { loggerWithTags } from '../../helpers/logger.js'
import { downloadRemoteFile } from '../../helpers/requests/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import type { Activity } from '../activitypub/activity-types.js'
import { forwardActivity } from '../activitypub/send/forward-activity.js'
import { ActorModel } from '../../models/actor/actor.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { withVideoLock } from '../videos/video-lock.js'
import { reseedTorrent } from '../transcoding/torrent-seeds.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { torrentItem } from '../object-storage/video-stored-items.js'
import { urlFilename } from './redundancy-paths.js'
import { sha256OfLocalVideoFile } from '../integrity/stored-copies.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { queueRefusedMirrorRetry } from './redundancy-scheduler.js'

const log = loggerWithTags('redundancy')

export interface RedundancyCheckPayload {
  redundancyId: number
  /** The Create CacheFile as received: passed on to the video's followers once the mirror is checked. */
  activity?: Activity
  /** A later look at a refused copy (the n-th): a refusal is never final, the mirror may have caught up. */
  retry?: number
}

/**
 * video-redundancy-check: another instance says it mirrors one of our videos. Before it is listed anywhere (REST
 * `redundancies`, WebSeeds), we read its copy in full and compare the SHA-256 of every file with ours. A mirror
 * that serves nothing, or other bytes, is refused with the reason (admin list); one that passes is listed, its
 * web video added to the torrent's WebSeeds, and its announce forwarded to our followers. The scrub queues this
 * again for listed mirrors, so one that goes bad is dropped.
 */
export async function processRedundancyCheck (job: Job<RedundancyCheckPayload>, context: { signal: AbortSignal }) {
  // Announced again while we read it (the mirror made its copy again, say with the rendition it lacked), or our
  // playlist's files changed meanwhile: the check queued for that was a no-op next to this running one, so this one
  // reads the copy again.
  for (let round = 1; ; round++) {
    const result = await checkMirror(job, context, round < MAX_CHECK_ROUNDS)
    if (result !== ANNOUNCED_AGAIN) return result
  }
}

const MAX_CHECK_ROUNDS = 3
const ANNOUNCED_AGAIN = Symbol('announced again')

async function checkMirror (job: Job<RedundancyCheckPayload>, context: { signal: AbortSignal }, mayReadAgain: boolean) {
  const redundancy = await VideoRedundancyModel.findByPk(job.data.redundancyId, {
    include: [ { model: VideoFileModel, required: false }, { model: VideoStreamingPlaylistModel, required: false, include: [ VideoFileModel ] }, { model: ActorModel, required: false } ]
  })
  if (!redundancy) return { skipped: 'the mirror is gone' }
  const videoId = redundancy.VideoFile?.videoId ?? redundancy.VideoStreamingPlaylist?.videoId
  const video = videoId ? await VideoModel.findByPk(videoId, { include: detailsIncludes() }) : null
  if (!video || video.remote) return { skipped: 'not one of our videos' }
  // A later look at a refusal that a newer announce has settled since.
  if (job.data.retry && redundancy.state !== 'rejected') return { skipped: `the mirror is ${redundancy.state} now` }

  const announcedAt = new Date(redundancy.updatedAt).getTime()
  const checkedFiles = fileIdsOf(redundancy.VideoFile ? [ redundancy.VideoFile ] : redundancy.VideoStreamingPlaylist?.VideoFiles ?? [])
  const problem = await findProblem(video, redundancy, context.signal)
  const wasVerified = redundancy.state === 'verified'
  const gone = await withVideoLock(video.id, async () => {
    // The file may have been replaced meanwhile (a new rendition): its mirror rows went with it.
    if (!await VideoRedundancyModel.count({ where: { id: redundancy.id } })) return true
    await redundancy.reload()
    if (mayReadAgain && new Date(redundancy.updatedAt).getTime() !== announcedAt) return ANNOUNCED_AGAIN
    // Our files changed while we read the copy (a rendition replaced): the verdict is about files we no longer serve.
    if (mayReadAgain && redundancy.videoStreamingPlaylistId &&
      fileIdsOf(await VideoFileModel.findAll({ where: { videoStreamingPlaylistId: redundancy.videoStreamingPlaylistId }, attributes: [ 'id' ] })) !== checkedFiles) {
      return ANNOUNCED_AGAIN
    }
    redundancy.state = problem ? 'rejected' : 'verified'
    redundancy.stateReason = problem ?? null
    redundancy.verifiedAt = new Date()
    await redundancy.save()
    if (redundancy.videoFileId && wasVerified !== !problem) await reseedWebVideo(video, redundancy.videoFileId)
    if (wasVerified !== !problem) await recordVideoChanged(video)
    if (problem) await queueRefusedMirrorRetry(redundancy.id, (job.data.retry ?? 0) + 1)
    if (!problem && !wasVerified && job.data.activity) {
      const channel = video.VideoChannel
      await forwardActivity(job.data.activity, {
        toFollowersOf: [ channel?.actorId, channel?.Account?.actorId ].filter((id): id is number => typeof id === 'number'),
        exceptInboxes: [ redundancy.Actor?.sharedInboxUrl ?? '' ]
      })
    }
    return false
  })
  if (gone === ANNOUNCED_AGAIN) return ANNOUNCED_AGAIN
  if (gone) return { skipped: 'the mirror is gone' }
  if (problem) log.warn(`Mirror ${redundancy.url} of ${video.uuid} refused: ${problem}`)
  else log.info(`Mirror ${redundancy.url} of ${video.uuid} checked: listed`)
  return { state: problem ? 'rejected' : 'verified', reason: problem }
}

function fileIdsOf (files: VideoFileModel[]) {
  return files.map(f => f.id).sort((x, y) => x - y).join(',')
}

/** The torrent's WebSeeds follow the listed mirrors (under the video's lock, in its unit of work). */
export async function reseedWebVideo (video: VideoModel, videoFileId: number) {
  const file = await VideoFileModel.findByPk(videoFileId)
  if (!file) return
  const previous = await reseedTorrent(video, file, file.storage)
  if (!previous) return
  await file.save()
  if (previous.storage === VideoFileStorage.OBJECT_STORAGE) await removeFilesAfterCommit({ paths: [], objects: [ { kind: 'torrents', keys: [ previous.filename ] } ] }, 60_000)
  else await removeFilesAfterCommit({ paths: [ torrentItem({ torrentFilename: previous.filename })!.path ] }, 60_000)
}

async function findProblem (video: VideoModel, redundancy: VideoRedundancyModel, signal: AbortSignal): Promise<string | undefined> {
  const files = redundancy.VideoFile ? [ redundancy.VideoFile ] : redundancy.VideoStreamingPlaylist?.VideoFiles ?? []
  if (files.length === 0) return 'no file to compare'
  for (const file of files) {
    const expected = file.sha256 ?? await sha256OfLocalVideoFile(video, file)
    const url = redundancy.VideoFile ? redundancy.fileUrl : `${redundancy.fileUrl.replace(/\/$/, '')}/${file.filename}`
    let actual: { sha256: string, size: number }
    try {
      actual = await downloadRemoteFile(url, undefined, {
        timeoutMs: 3 * 3_600_000,
        maxBytes: file.size + 1,
        allowPrivateAddresses: CONFIG.federation.allow_private_addresses,
        signal
      })
    } catch (err) {
      return `cannot read ${url}: ${(err as Error).message}`
    }
    if (actual.size !== file.size) return `${urlFilename(url)}: ${actual.size} bytes instead of ${file.size}`
    if (actual.sha256 !== expected) return `${urlFilename(url)}: the bytes differ from ours (SHA-256 ${actual.sha256.slice(0, 12)}…)`
  }
  return undefined
}
