import { randomUUID } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'
import { VideoState, type VideoPrivacyType } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoUploadInput } from '../videos/types.js'
import { VideoLiveModel } from '../../models/live/video-live.js'
import { TagModel } from '../../models/video/tag.js'
import { VideoModel } from '../../models/video/video.js'
import { badRequest, forbidden } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { autoBlockIfNeeded } from '../moderation/video-blocks/auto-block.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { loadChannelForUpload } from '../videos/create-video.js'
import { newLocalVideoAttributes } from '../videos/new-video-attributes.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { prepareImagesFromPictures, recordVideoImages, removeImageFiles, type PreparedImage } from '../videos/video-images.js'

const log = loggerWithTags('live')

export interface LiveSettingsFields {
  saveReplay?: boolean
  permanentLive?: boolean
  latencyMode?: LiveVideoLatencyModeType
  replaySettings?: { privacy?: VideoPrivacyType }
}

/** PeerTube's rules on what an instance allows a live to ask for. */
function checkLiveSettingsAllowed (fields: LiveSettingsFields) {
  if (!CONFIG.live.allow_replay && fields.saveReplay === true) {
    throw forbidden('Saving live replay is not enabled on this instance', ProblemCode.LIVE_NOT_ALLOWING_REPLAY)
  }
  if (!CONFIG.live.latency_setting.enabled && fields.latencyMode !== undefined && fields.latencyMode !== LiveVideoLatencyMode.DEFAULT) {
    throw forbidden('Custom latency mode is not allowed by this instance')
  }
}

/** POST /videos/live: a live video waiting for its stream, with a fresh stream key; federated at once (state 4). */
export async function createLive (options: {
  user: AuthenticatedUser
  fields: VideoUploadInput & LiveSettingsFields
  thumbnailUpload?: string
  previewUpload?: string
}) {
  const { user, fields } = options
  if (!CONFIG.live.enabled) throw forbidden('Live is not enabled on this instance', ProblemCode.LIVE_NOT_ENABLED)
  checkLiveSettingsAllowed(fields)
  const channel = await loadChannelForUpload(fields.channelId, user)

  const { max_instance_lives: maxInstance, max_user_lives: maxUser } = CONFIG.live
  if (maxInstance !== -1 && await VideoLiveModel.countActiveLocal() >= maxInstance) {
    throw forbidden('Cannot create this live because the max instance lives limit is reached.', ProblemCode.MAX_INSTANCE_LIVES_LIMIT_REACHED)
  }
  if (maxUser !== -1 && await VideoLiveModel.countActiveLocal(channel.accountId) >= maxUser) {
    throw forbidden('Cannot create this live because the max user lives limit is reached.', ProblemCode.MAX_USER_LIVES_LIMIT_REACHED)
  }

  const images = await prepareLiveImages(options.thumbnailUpload, options.previewUpload)
  const uuid = randomUUID()
  const saveReplay = fields.saveReplay ?? false
  try {
    const video = await unitOfWork(async transaction => {
      const video = await VideoModel.create(newLocalVideoAttributes(fields, {
        uuid,
        channelId: channel.id,
        state: VideoState.WAITING_FOR_LIVE,
        duration: 0,
        aspectRatio: null,
        isLive: true,
        waitTranscoding: false
      }), { transaction })
      await VideoLiveModel.create({
        videoId: video.id,
        streamKey: randomUUID(),
        saveReplay,
        permanentLive: fields.permanentLive ?? false,
        latencyMode: fields.latencyMode ?? LiveVideoLatencyMode.DEFAULT,
        replayPrivacy: saveReplay ? fields.replaySettings?.privacy ?? video.privacy : null
      })
      if (fields.tags?.length) await TagModel.setVideoTags(video.id, fields.tags, transaction)
      await recordVideoImages(video.id, images, transaction)
      await autoBlockIfNeeded(video, user)
      await recordVideoChanged(video)
      return video
    })
    log.info(`Live ${uuid} created by ${user.username}: "${video.name}"`)
    return video
  } catch (err) {
    await removeImageFiles(images)
    throw err
  }
}

/** PUT /videos/live/{id}: settings of a live that is not streaming (PeerTube refuses once it started). */
export async function updateLive (video: VideoModel, live: VideoLiveModel, fields: LiveSettingsFields) {
  checkLiveSettingsAllowed(fields)
  if (video.state !== VideoState.WAITING_FOR_LIVE) throw badRequest('Cannot update a live that has already started')
  const saveReplay = fields.saveReplay ?? live.saveReplay
  if (!live.saveReplay && fields.saveReplay === true && fields.replaySettings?.privacy === undefined) {
    throw badRequest('Replay settings are missing now the live replay is saved')
  }
  if (!saveReplay && fields.replaySettings !== undefined) {
    throw badRequest('Cannot save replay settings since live replay is not enabled')
  }

  await unitOfWork(async () => {
    live.saveReplay = saveReplay
    live.replayPrivacy = saveReplay ? fields.replaySettings?.privacy ?? live.replayPrivacy ?? video.privacy : null
    if (fields.permanentLive !== undefined) live.permanentLive = fields.permanentLive
    if (fields.latencyMode !== undefined) live.latencyMode = fields.latencyMode
    await live.save()
    video.changed('updatedAt', true)
    await video.save()
    await recordVideoChanged(video)
  })
}

/** Uploaded pictures, else a plain background (PeerTube uses its default live background the same way). */
async function prepareLiveImages (thumbnail: string | undefined, preview: string | undefined): Promise<PreparedImage[]> {
  if (thumbnail && preview) return prepareImagesFromPictures({ thumbnail, preview })
  const dir = join(fromRoot(CONFIG.storage.tmp), 'live')
  await mkdir(dir, { recursive: true })
  const background = join(dir, `background-${randomUUID()}.png`)
  await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#1f2937' } }).png().toFile(background)
  try {
    return await prepareImagesFromPictures({ thumbnail: thumbnail ?? background, preview: preview ?? background })
  } finally {
    await rm(background, { force: true })
  }
}
