import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Transaction } from 'sequelize'
import { loadSharp } from '../../helpers/image/load-sharp.js'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { THUMBNAIL_TYPE } from '../../initializers/constants/videos.js'
import { invalidField } from '../http-problems/http-problem.js'
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
 * Written to their final folders under fresh names; the caller records them or, on failure, removes them. When
 * this fails, it leaves no image behind itself.
 */
export async function prepareVideoImages (options: {
  videoPath: string
  probe: ProbeResult
  thumbnailUpload?: string
  previewUpload?: string
}): Promise<PreparedImage[]> {
  const images = await prepareImagesFromPictures({ thumbnail: options.thumbnailUpload, preview: options.previewUpload })
  const needsMiniature = !images.some(i => i.type === THUMBNAIL_TYPE.MINIATURE)
  const needsPreview = !images.some(i => i.type === THUMBNAIL_TYPE.PREVIEW)
  if (!needsMiniature && !needsPreview) return images

  const miniature = newImage(THUMBNAIL_TYPE.MINIATURE)
  const preview = newImage(THUMBNAIL_TYPE.PREVIEW)
  try {
    const fromVideo = await generateImagesFromVideo({
      input: options.videoPath,
      probe: options.probe,
      thumbnailPath: needsMiniature ? miniature.path : undefined,
      previewPath: needsPreview ? preview.path : undefined
    })

    if (fromVideo?.thumbnail) images.push({ ...miniature, ...fromVideo.thumbnail })
    if (fromVideo?.preview) images.push({ ...preview, ...fromVideo.preview })
    return images
  } catch (err) {
    await removeImageFiles([ ...images, miniature, preview ])
    throw err
  }
}

/**
 * Thumbnail and/or preview made from uploaded pictures (video upload or update). A picture that is not a JPEG,
 * PNG or WebP image is refused with a 400 naming its field, before any image is written.
 */
export async function prepareImagesFromPictures (pictures: { thumbnail?: string, preview?: string }): Promise<PreparedImage[]> {
  if (pictures.thumbnail) await checkPicture(pictures.thumbnail, 'thumbnailfile')
  if (pictures.preview) await checkPicture(pictures.preview, 'previewfile')

  const images: PreparedImage[] = []
  const planned: Pick<PreparedImage, 'path'>[] = []
  try {
    if (pictures.thumbnail) {
      const image = newImage(THUMBNAIL_TYPE.MINIATURE)
      planned.push(image)
      const { thumbnail } = await generateImagesFromPicture(pictures.thumbnail, { thumbnailPath: image.path })
      if (thumbnail) images.push({ ...image, ...thumbnail })
    }
    if (pictures.preview) {
      const image = newImage(THUMBNAIL_TYPE.PREVIEW)
      planned.push(image)
      const { preview } = await generateImagesFromPicture(pictures.preview, { previewPath: image.path })
      if (preview) images.push({ ...image, ...preview })
    }
    return images
  } catch (err) {
    await removeImageFiles(planned)
    throw err
  }
}

/** PeerTube's image formats for thumbnails and previews. */
const PICTURE_FORMATS = new Set([ 'jpeg', 'png', 'webp' ])

/**
 * The client's Content-Type is only a claim: the picture is decoded in full (every pixel, not only the header)
 * so a file that is not an image, or a damaged one, is a 400 for the client rather than a failure later.
 */
async function checkPicture (path: string, field: 'thumbnailfile' | 'previewfile') {
  const refuse = () => invalidField('files', field, 'Should be a JPEG, PNG or WebP image')
  let format: string | undefined
  try {
    const sharp = await loadSharp()
    const image = sharp(path, { failOn: 'error' })
    format = (await image.metadata()).format
    if (format && PICTURE_FORMATS.has(format)) await image.stats()
  } catch {
    throw refuse()
  }
  if (!format || !PICTURE_FORMATS.has(format)) throw refuse()
}

function newImage (type: number) {
  const filename = generateImageFilename()
  const folder = thumbnailsDir(type === THUMBNAIL_TYPE.MINIATURE ? 'miniature' : 'preview')
  return { type, filename, path: join(folder, filename) }
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
