import { createHash, randomUUID } from 'node:crypto'
import { copyFile, rm } from 'node:fs/promises'
import { LiveVideoError, type LiveVideoErrorType } from '../../../shared/models/lives.js'
import { VideoState, VideoStreamingPlaylistType } from '../../../shared/models/videos.js'
import { probe } from '../../helpers/ffmpeg/probe.js'
import { FfmpegError } from '../../helpers/ffmpeg/run-ffmpeg.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { LIVE } from '../../initializers/constants/live.js'
import { VIDEO_CONSTRAINTS } from '../../initializers/constants/videos.js'
import { VideoLiveModel } from '../../models/live/video-live.js'
import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { TagModel } from '../../models/video/tag.js'
import { ThumbnailModel } from '../../models/video/thumbnail.js'
import { VideoStreamingPlaylistModel } from '../../models/video/video-streaming-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { transcodingJobKey, type VideoTranscodingPayload } from '../transcoding/transcode-video.js'
import { afterCommit, unitOfWork } from '../unit-of-work/unit-of-work.js'
import { hlsDir, localVideoUrl } from '../video-paths.js'
import { uploadInputPath } from '../videos/create-video.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { invalidateVideoFileAccess } from '../videos/video-file-access.js'
import { imagePathOnDisk } from '../videos/video-images.js'
import { findReplaySource, listSessionFiles, writeReplaySource } from './live-replay-files.js'

const log = loggerWithTags('live')

/**
 * Records the end of a session, once, whatever ended it (the streamer, a limit, a shutdown, or a crash found at the
 * next start): its end date and error, the live's next state, and its replay when it was asked for:
 * - a normal live becomes its own replay (same URL; PeerTube's behaviour): no longer live, the replay's privacy,
 *   its transcoding job;
 * - a permanent live goes back to waiting, and the replay is a new video;
 * - without a replay: a normal live is ended, a permanent one waits for its next session.
 * The session's live files go once this commits. Running it again for the same session changes nothing.
 */
export async function endLiveSession (sessionId: number, error: LiveVideoErrorType | null) {
  const session = await VideoLiveSessionModel.findByPk(sessionId)
  if (!session || session.endingProcessed) return
  const video = session.liveVideoId ? await VideoModel.findByPk(session.liveVideoId, { include: detailsIncludes() }) : null
  if (!video) {
    await session.update({ endingProcessed: true, endDate: session.endDate ?? new Date() })
    return
  }
  const live = await VideoLiveModel.loadByVideoId(video.id)
  const dir = hlsDir(video)
  const liveFiles = await listSessionFiles(dir, session.id)

  // The replay's source is made before the unit of work (a long live takes a few seconds to copy); its path is
  // fixed per video, so a rerun overwrites a half-made one.
  const replay = session.saveReplay && error !== LiveVideoError.BLACKLISTED ? await prepareReplay(video, session, dir, live?.permanentLive ?? false) : undefined

  await unitOfWork(async () => {
    const fresh = await VideoLiveSessionModel.findByPk(session.id, { lock: true })
    if (!fresh || fresh.endingProcessed) return
    fresh.endDate ??= new Date()
    fresh.error = error
    fresh.endingProcessed = true

    await VideoStreamingPlaylistModel.destroy({ where: { videoId: video.id, type: VideoStreamingPlaylistType.HLS } })
    const permanent = live?.permanentLive ?? false

    if (replay && !permanent) {
      video.isLive = false
      video.state = VideoState.TO_TRANSCODE
      video.privacy = fresh.replayPrivacy ?? video.privacy
      video.duration = Math.round(replay.durationSeconds)
      await video.save()
      await live?.destroy()
      fresh.replayVideoId = video.id
      await createReplayJob(video.uuid, replay)
    } else {
      video.state = permanent ? VideoState.WAITING_FOR_LIVE : VideoState.LIVE_ENDED
      video.changed('updatedAt', true)
      await video.save()
      if (replay) {
        const replayVideo = await createReplayVideo(video, fresh, replay)
        fresh.replayVideoId = replayVideo.id
        await createReplayJob(replayVideo.uuid, replay)
        await recordVideoChanged(replayVideo)
      }
    }
    await fresh.save()
    await VideoModel.update({ viewers: 0 }, { where: { id: video.id } })
    await recordVideoChanged(video)
    await removeFilesAfterCommit({ paths: liveFiles }, LIVE.FILES_REMOVAL_DELAY_MS)
    afterCommit(() => invalidateVideoFileAccess(video.uuid))
  })
  log.info(`Live ${video.uuid}: session ${session.id} ended${error ? ` (error ${error})` : ''}${replay ? ', replay saved' : ''}`)
}

interface PreparedReplay {
  inputPath: string
  durationSeconds: number
  /** The new video's uuid (permanent lives) or the live's own. */
  uuid: string
  images: { type: number, filename: string, width: number | null, height: number | null }[]
}

async function prepareReplay (video: VideoModel, session: VideoLiveSessionModel, dir: string, permanent: boolean): Promise<PreparedReplay | undefined> {
  const source = await findReplaySource(dir, session.id)
  if (!source) return undefined
  // A permanent live's replay is a new video: its uuid is derived from the session so that a rerun finds it.
  const uuid = permanent ? replayUuidOf(video.uuid, session.id) : video.uuid
  const inputPath = uploadInputPath(uuid, 'replay.mp4')
  try {
    await writeReplaySource(source, inputPath)
  } catch (err) {
    // Chunks ffmpeg cannot read make no replay; anything else (a full disk) is retried with the session's end.
    if (!(err instanceof FfmpegError)) throw err
    log.warn(`Live ${video.uuid}: the replay of session ${session.id} cannot be made`, { err })
    return undefined
  }
  const probed = await probe(inputPath).catch(() => undefined)
  if (!probed || !(probed.durationSeconds > 0)) {
    await rm(inputPath, { force: true })
    return undefined
  }

  const images: PreparedReplay['images'] = []
  if (permanent) {
    for (const image of video.Thumbnails ?? []) {
      if (!image.onDisk) continue
      const copy = { type: image.type, filename: `${randomUUID()}.jpg`, width: image.width, height: image.height }
      await copyFile(imagePathOnDisk(image), imagePathOnDisk(copy))
      images.push(copy)
    }
  }
  return { inputPath, durationSeconds: probed.durationSeconds, uuid, images }
}

/** A stable uuid for the replay of one session of a permanent live (v4-shaped, from a hash). */
function replayUuidOf (liveUuid: string, sessionId: number) {
  const hex = createHash('sha256').update(`${liveUuid}:replay:${sessionId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

async function createReplayVideo (live: VideoModel, session: VideoLiveSessionModel, replay: PreparedReplay) {
  const existing = await VideoModel.loadByUuid(replay.uuid)
  if (existing) return existing

  const suffix = ` - ${session.startDate.toLocaleString('en-GB', { timeZone: 'UTC' })}`
  const name = live.name.slice(0, VIDEO_CONSTRAINTS.NAME.max - suffix.length) + suffix
  const video = await VideoModel.create({
    uuid: replay.uuid,
    name,
    category: live.category,
    licence: live.licence,
    language: live.language,
    privacy: session.replayPrivacy ?? live.privacy,
    nsfw: live.nsfw,
    description: live.description,
    support: live.support,
    duration: Math.round(replay.durationSeconds),
    aspectRatio: live.aspectRatio,
    remote: false,
    isLive: false,
    url: localVideoUrl(replay.uuid),
    commentsEnabled: live.commentsEnabled,
    commentsPolicy: live.commentsPolicy,
    downloadEnabled: live.downloadEnabled,
    waitTranscoding: false,
    state: VideoState.TO_TRANSCODE,
    channelId: live.channelId,
    publishedAt: new Date(),
    originallyPublishedAt: null
  })
  await TagModel.setVideoTags(video.id, (live.Tags ?? []).map(t => t.name))
  for (const image of replay.images) {
    await ThumbnailModel.create({ ...image, videoId: video.id, fileUrl: null, onDisk: true })
  }
  return video
}

async function createReplayJob (uuid: string, replay: PreparedReplay) {
  const payload: VideoTranscodingPayload = { videoUUID: uuid, inputPath: replay.inputPath, durationSeconds: replay.durationSeconds }
  await jobQueue.createJob('video-transcoding', payload, { dedupKey: transcodingJobKey(uuid) })
}
