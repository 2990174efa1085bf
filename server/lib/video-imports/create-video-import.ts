import { randomUUID } from 'node:crypto'
import { VideoCommentPolicy } from '../../../shared/models/video-comments.js'
import { VideoImportState } from '../../../shared/models/video-imports.js'
import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import { loggerWithTags } from '../../helpers/logger.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoUploadInput as VideoUploadFields } from '../videos/types.js'
import { TagModel } from '../../models/video/tag.js'
import { VideoImportModel } from '../../models/video/video-import.js'
import { VideoModel } from '../../models/video/video.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { autoBlockIfNeeded } from '../moderation/video-blocks/auto-block.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { checkUserQuota } from '../users/quota.js'
import { commentPolicyFields, resolveCommentPolicy } from '../video-comments/comment-rules.js'
import { localVideoUrl } from '../video-paths.js'
import { loadChannelForUpload } from '../videos/create-video.js'
import { recordScheduledUpdate } from '../videos/scheduled-updates.js'
import { prepareImagesFromPictures, recordVideoImages, removeImageFiles, type PreparedImage } from '../videos/video-images.js'
import type { ImportSource } from './inspect-source.js'

const log = loggerWithTags('video-imports')

export type VideoImportFields = Omit<VideoUploadFields, 'name'> & { name?: string }

export interface VideoImportPayload {
  videoImportId: number
}

export function videoImportJobKey (importId: number) {
  return `video-import:${importId}`
}

/**
 * Records an import as PeerTube does: the video exists at once (state "To import", not listed nor federated), with
 * the pictures sent along, and its download job is committed with it. The source was checked by inspect-source.
 */
export async function createVideoImport (options: {
  user: AuthenticatedUser
  fields: VideoImportFields
  source: ImportSource
  thumbnailUpload?: string
  previewUpload?: string
}) {
  const { user, fields, source } = options
  const channel = await loadChannelForUpload(fields.channelId, user)
  // A known size counts against the quota now; otherwise the job checks what it downloads.
  await checkUserQuota(user, 'size' in source && source.size ? source.size : 1)

  const images: PreparedImage[] = await prepareImagesFromPictures({ thumbnail: options.thumbnailUpload, preview: options.previewUpload })
  try {
    return await unitOfWork(async transaction => {
      const uuid = randomUUID()
      const video = await VideoModel.create({
        uuid,
        name: fields.name || defaultName(source.suggestedName),
        category: fields.category ?? null,
        licence: fields.licence ?? null,
        language: fields.language ?? null,
        privacy: fields.privacy ?? VideoPrivacy.PUBLIC,
        nsfw: fields.nsfw ?? false,
        description: fields.description ?? null,
        support: fields.support ?? null,
        duration: 0,
        aspectRatio: null,
        remote: false,
        url: localVideoUrl(uuid),
        ...commentPolicyFields(resolveCommentPolicy(fields.commentsPolicy, fields.commentsEnabled) ?? VideoCommentPolicy.ENABLED),
        downloadEnabled: fields.downloadEnabled ?? true,
        waitTranscoding: fields.waitTranscoding ?? false,
        state: VideoState.TO_IMPORT,
        channelId: channel.id,
        publishedAt: new Date(),
        originallyPublishedAt: fields.originallyPublishedAt ?? null
      }, { transaction })

      if (fields.tags?.length) await TagModel.setVideoTags(video.id, fields.tags, transaction)
      await recordScheduledUpdate(video.id, fields.scheduleUpdate ?? undefined)
      await recordVideoImages(video.id, images, transaction)
      await autoBlockIfNeeded(video, user)

      const videoImport = await VideoImportModel.create({
        targetUrl: source.type === 'http' || source.type === 'extractor' ? source.targetUrl : null,
        magnetUri: source.type === 'magnet-uri' ? source.magnetUri : null,
        torrentName: source.type === 'torrent-file' ? source.torrentName.slice(0, 255) : null,
        torrentFile: source.type === 'torrent-file' ? source.torrentFile : null,
        state: VideoImportState.PENDING,
        error: null,
        userId: user.id,
        videoId: video.id
      }, { transaction })

      await jobQueue.createJob('video-import', { videoImportId: videoImport.id }, { dedupKey: videoImportJobKey(videoImport.id) })
      log.info(`Import ${videoImport.id} (${source.type}) of video ${uuid} by ${user.username}`)
      return { video, videoImport }
    })
  } catch (err) {
    await removeImageFiles(images)
    throw err
  }
}

/** PeerTube names an import after its source when no name is given (video names take 3 to 120 characters). */
function defaultName (suggested: string) {
  const name = suggested.trim().slice(0, 120)
  return name.length >= 3 ? name : 'Imported video'
}
