import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transaction } from 'sequelize'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { THUMBNAIL_TYPE } from '../../initializers/constants/videos.js'
import { ThumbnailModel } from '../../models/video/thumbnail.js'
import { generateImageFilename, generateImagesFromPicture, generateImagesFromVideo } from '../video-pipeline/index.js'
import { thumbnailsDir } from '../video-paths.js'

export interface PreparedImage {
  type: number
  filename: string
  path: string
  width: number
  height: number
}

/**
 * Thumbnail and preview for a new video: from the uploaded pictures when given, else from a frame of the video.
 * Written to their final folders under fresh names; the caller records them or, on failure, removes them.
 */
export async function prepareVideoImages (options: {
  videoPath: string
  probe: ProbeResult
  thumbnailUpload?: string
  previewUpload?: string
}): Promise<PreparedImage[]> {
  const miniatureName = generateImageFilename()
  const previewName = generateImageFilename()
  const miniaturePath = join(thumbnailsDir('miniature'), miniatureName)
  const previewPath = join(thumbnailsDir('preview'), previewName)

  const fromVideo = (!options.thumbnailUpload || !options.previewUpload)
    ? await generateImagesFromVideo({
      input: options.videoPath,
      probe: options.probe,
      thumbnailPath: options.thumbnailUpload ? undefined : miniaturePath,
      previewPath: options.previewUpload ? undefined : previewPath
    })
    : null

  const thumbnail = options.thumbnailUpload
    ? (await generateImagesFromPicture(options.thumbnailUpload, { thumbnailPath: miniaturePath })).thumbnail
    : fromVideo?.thumbnail
  const preview = options.previewUpload
    ? (await generateImagesFromPicture(options.previewUpload, { previewPath })).preview
    : fromVideo?.preview

  const images: PreparedImage[] = []
  if (thumbnail) images.push({ type: THUMBNAIL_TYPE.MINIATURE, filename: miniatureName, ...thumbnail })
  if (preview) images.push({ type: THUMBNAIL_TYPE.PREVIEW, filename: previewName, ...preview })
  return images
}

export async function recordVideoImages (videoId: number, images: PreparedImage[], transaction?: Transaction) {
  for (const image of images) {
    await ThumbnailModel.destroy({ where: { videoId, type: image.type }, transaction })
    await ThumbnailModel.create({
      videoId,
      type: image.type,
      filename: image.filename,
      width: image.width,
      height: image.height,
      fileUrl: null,
      onDisk: true
    }, { transaction })
  }
}

export async function removeImageFiles (images: Pick<PreparedImage, 'path'>[]) {
  await Promise.all(images.map(image => rm(image.path, { force: true })))
}

export function imagePathOnDisk (thumbnail: Pick<ThumbnailModel, 'type' | 'filename'>) {
  return join(thumbnailsDir(thumbnail.type === THUMBNAIL_TYPE.MINIATURE ? 'miniature' : 'preview'), thumbnail.filename)
}
