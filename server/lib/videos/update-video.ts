import { VideoPrivacy } from '../../../shared/models/videos.js'
import { sequelize } from '../../initializers/database.js'
import type { AuthenticatedUser } from '../../middlewares/auth.js'
import type { VideoUpdateFields } from '../../middlewares/validation/videos.js'
import { TagModel } from '../../models/video/tag.js'
import type { VideoModel } from '../../models/video/video.js'
import { isPrivateFolderVideo } from '../video-paths.js'
import { loadChannelForUpload } from './create-video.js'
import { videoEvents } from './video-events.js'
import { imagePathOnDisk, prepareImagesFromPictures, recordVideoImages, removeImageFiles, type PreparedImage } from './video-images.js'
import { withVideoLock } from './video-lock.js'
import { moveVideoFilesForPrivacy } from '../transcoding/move-video-files.js'

/**
 * Applies a metadata update (and new images) to a local video. A privacy change moves the files between the
 * public and private folders, so the static routes never serve a private video's file to anyone.
 */
export async function updateVideo (video: VideoModel, user: AuthenticatedUser, fields: VideoUpdateFields, images: { thumbnail?: string, preview?: string }) {
  const channel = fields.channelId !== undefined && fields.channelId !== video.channelId
    ? await loadChannelForUpload(fields.channelId, user)
    : undefined

  const prepared = await prepareImagesFromPictures(images)

  // Under the video's lock: a rendition landing meanwhile would write into the folder we are leaving.
  const { wasPublic } = await withVideoLock(video.id, async () => {
    await video.reload()
    const wasPublic = video.isPubliclyVisible()
    const wasPrivateFolder = isPrivateFolderVideo(video)
    await saveFields(video, fields, channel?.id, prepared)
    if (wasPrivateFolder !== isPrivateFolderVideo(video)) await moveVideoFilesForPrivacy(video, wasPrivateFolder)
    return { wasPublic }
  })

  const replaced = (video.Thumbnails ?? []).filter(t => prepared.some(p => p.type === t.type))
  await removeImageFiles(replaced.map(t => ({ path: imagePathOnDisk(t) })))

  await video.reload()
  if (!wasPublic && video.isPubliclyVisible()) videoEvents.emit('published', video)
  else videoEvents.emit('updated', video, { wasPublic })
  return video
}

async function saveFields (video: VideoModel, fields: VideoUpdateFields, channelId: number | undefined, prepared: PreparedImage[]) {
  const wasPublic = video.isPubliclyVisible()
  try {
    await sequelize().transaction(async transaction => {
      if (fields.name !== undefined) video.name = fields.name
      if (fields.category !== undefined) video.category = fields.category
      if (fields.licence !== undefined) video.licence = fields.licence
      if (fields.language !== undefined) video.language = fields.language
      if (fields.description !== undefined) video.description = fields.description
      if (fields.support !== undefined) video.support = fields.support
      if (fields.nsfw !== undefined) video.nsfw = fields.nsfw
      if (fields.commentsEnabled !== undefined) video.commentsEnabled = fields.commentsEnabled
      if (fields.downloadEnabled !== undefined) video.downloadEnabled = fields.downloadEnabled
      if (fields.waitTranscoding !== undefined) video.waitTranscoding = fields.waitTranscoding
      if (fields.originallyPublishedAt !== undefined) video.originallyPublishedAt = fields.originallyPublishedAt
      if (channelId !== undefined) video.channelId = channelId
      if (fields.privacy !== undefined) {
        // A video made public for the first time is "published" now, as PeerTube dates it.
        if (fields.privacy === VideoPrivacy.PUBLIC && video.privacy !== VideoPrivacy.PUBLIC && !wasPublic) video.publishedAt = new Date()
        video.privacy = fields.privacy
      }

      await video.save({ transaction })
      if (fields.tags !== undefined) await TagModel.setVideoTags(video.id, fields.tags, transaction)
      await recordVideoImages(video.id, prepared, transaction)
    })
  } catch (err) {
    await removeImageFiles(prepared)
    throw err
  }
}
