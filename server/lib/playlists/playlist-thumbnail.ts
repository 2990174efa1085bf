import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loggerWithTags } from '../../helpers/logger.js'
import { THUMBNAIL_TYPE } from '../../initializers/constants/videos.js'
import { ThumbnailModel } from '../../models/video/thumbnail.js'
import { VideoPlaylistElementModel } from '../../models/video/video-playlist-element.js'
import { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { ensureRemoteVideoImageOnDisk } from '../activitypub/videos/remote-video-images.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { generateImageFilename } from '../video-pipeline/file-names.js'
import { thumbnailsDir } from '../video-paths.js'
import { imagePathOnDisk, prepareImagesFromPictures, removeImageFiles } from '../videos/video-images.js'

const log = loggerWithTags('playlists')

export const playlistThumbnailPathOnDisk = (filename: string) => join(thumbnailsDir('miniature'), filename)

/** An uploaded picture as the playlist's miniature (280x157 JPEG); a picture that is not an image is a 400. */
export async function preparePlaylistThumbnail (uploadPath: string) {
  const [ image ] = await prepareImagesFromPictures({ thumbnail: uploadPath })
  return image
}

export async function discardPreparedThumbnail (image: { path: string } | undefined) {
  if (image) await removeImageFiles([ image ])
}

/**
 * A playlist without a miniature of its own shows its first video's: a copy, refreshed when the first video
 * changes (removed, reordered). Cosmetic and derived, so it runs after the change committed and may fail alone.
 */
export async function refreshAutomaticThumbnail (playlistId: number) {
  try {
    const playlist = await VideoPlaylistModel.findByPk(playlistId)
    if (!playlist || playlist.remote || (playlist.thumbnailFilename && !playlist.thumbnailAutomatic)) return

    const first = await VideoPlaylistElementModel.findOne({
      where: { videoPlaylistId: playlistId },
      include: [ { model: VideoModel, required: true, attributes: [ 'id', 'remote' ], include: [ { model: ThumbnailModel, required: true, where: { type: THUMBNAIL_TYPE.MINIATURE } } ] } ],
      order: [ [ 'position', 'ASC' ] ]
    })
    const miniature = first?.Video?.Thumbnails?.[0]
    let filename: string | null = null
    if (miniature && (!first!.Video!.remote || await ensureRemoteVideoImageOnDisk('miniature', miniature.filename))) {
      filename = generateImageFilename()
      await copyFile(imagePathOnDisk(miniature), playlistThumbnailPathOnDisk(filename))
    }

    const previous = playlist.thumbnailFilename
    await unitOfWork(async () => {
      await playlist.update({ thumbnailFilename: filename, thumbnailAutomatic: filename !== null, thumbnailOnDisk: true })
      if (previous) await removeFilesAfterCommit({ paths: [ playlistThumbnailPathOnDisk(previous) ] })
    })
  } catch (err) {
    log.warn(`Cannot refresh the miniature of playlist ${playlistId}`, { err })
  }
}
