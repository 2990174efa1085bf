import { VideoPrivacy } from '../../../shared/models/videos.js'
import { commentPolicyFields, resolveCommentPolicy } from '../video-comments/comment-rules.js'
import { loggerWithTags } from '../../helpers/logger.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { VideoUpdateInput } from './types.js'
import { TagModel } from '../../models/video/tag.js'
import type { VideoModel } from '../../models/video/video.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { moveVideoFilesToTheirFolder, recordVideoFilesMove } from '../transcoding/move-video-files.js'
import { afterCommit } from '../unit-of-work/unit-of-work.js'
import { isPrivateFolderVideo } from '../video-paths.js'
import { loadChannelForUpload } from './create-video.js'
import { recordVideoChanged } from './video-events.js'
import { recordScheduledUpdate } from './scheduled-updates.js'
import { invalidateVideoFileAccess } from './video-file-access.js'
import { clearLeavingMarkers, markFilesLeavingPublicFolder } from './leaving-public-folder.js'
import { imagePathOnDisk, prepareImagesFromPictures, recordVideoImages, removeImageFiles } from './video-images.js'
import { withVideoLock } from './video-lock.js'
import { faultPoint } from '../../helpers/fault-points.js'

const log = loggerWithTags('videos')

/**
 * Applies a metadata update (and new images) to a local video, in one unit of work with what must follow it:
 * federation, the removal of replaced images, and, for a privacy change, the move of its files between the
 * public and private folders. From the commit on the static routes serve the files only as the new privacy
 * allows; the move itself runs right after the commit, and again from its job if it was interrupted.
 */
export async function updateVideo (video: VideoModel, user: AuthenticatedUser | null, fields: VideoUpdateInput, images: { thumbnail?: string, preview?: string }) {
  const movesChannel = fields.channelId !== undefined && fields.channelId !== video.channelId
  if (movesChannel && !user) throw new Error('Moving a video to another channel needs the user who does it')
  const channel = movesChannel ? await loadChannelForUpload(fields.channelId!, user!) : undefined

  const prepared = await prepareImagesFromPictures(images)
  let folderChanged = false

  try {
    // Under the video's lock: a rendition landing meanwhile would write into the folder we are leaving.
    await withVideoLock(video.id, async () => {
      await video.reload()
      const wasPrivateFolder = isPrivateFolderVideo(video)
      const replaced = (video.Thumbnails ?? []).filter(t => prepared.some(p => p.type === t.type))

      applyFields(video, fields, channel?.id)
      await video.save()
      if (fields.tags !== undefined) await TagModel.setVideoTags(video.id, fields.tags)
      if (fields.scheduleUpdate !== undefined) await recordScheduledUpdate(video.id, fields.scheduleUpdate)
      await recordVideoImages(video.id, prepared)
      await removeFilesAfterCommit({ paths: replaced.map(imagePathOnDisk) })

      folderChanged = wasPrivateFolder !== isPrivateFolderVideo(video)
      if (folderChanged) {
        // Before the commit: from then on, nginx must not serve these files from the public folder.
        if (isPrivateFolderVideo(video)) await markFilesLeavingPublicFolder(video)
        await recordVideoFilesMove(video.id)
        afterCommit(() => invalidateVideoFileAccess(video.uuid))
      }
      await recordVideoChanged(video)
    })
  } catch (err) {
    await removeImageFiles(prepared)
    // The change did not commit: the files stay where they are, public (the move job is not recorded either).
    if (folderChanged) await clearLeavingMarkers(video).catch(() => undefined)
    throw err
  }

  faultPoint('update-committed')
  if (folderChanged) {
    await moveVideoFilesToTheirFolder(video.id)
      .catch(err => log.warn(`Cannot move the files of video ${video.uuid} yet: its job will`, { err }))
  }

  await video.reload()
  return video
}

function applyFields (video: VideoModel, fields: VideoUpdateInput, channelId: number | undefined) {
  const wasPublic = video.isPubliclyVisible()
  if (fields.name !== undefined) video.name = fields.name
  if (fields.category !== undefined) video.category = fields.category
  if (fields.licence !== undefined) video.licence = fields.licence
  if (fields.language !== undefined) video.language = fields.language
  if (fields.description !== undefined) video.description = fields.description
  if (fields.support !== undefined) video.support = fields.support
  if (fields.nsfw !== undefined) video.nsfw = fields.nsfw
  const commentsPolicy = resolveCommentPolicy(fields.commentsPolicy, fields.commentsEnabled)
  if (commentsPolicy !== undefined) video.set(commentPolicyFields(commentsPolicy))
  if (fields.downloadEnabled !== undefined) video.downloadEnabled = fields.downloadEnabled
  if (fields.waitTranscoding !== undefined) video.waitTranscoding = fields.waitTranscoding
  if (fields.originallyPublishedAt !== undefined) video.originallyPublishedAt = fields.originallyPublishedAt
  if (channelId !== undefined) video.channelId = channelId
  if (fields.privacy !== undefined) {
    // A video made public for the first time is "published" now, as PeerTube dates it.
    if (fields.privacy === VideoPrivacy.PUBLIC && video.privacy !== VideoPrivacy.PUBLIC && !wasPublic) video.publishedAt = new Date()
    video.privacy = fields.privacy
  }
}
