import { PREVIEW_SIZE, THUMBNAIL_SIZE } from '../../initializers/constants/transcoding.js'
import { extractFrame } from '../../helpers/ffmpeg/extract-frame.js'
import { probe as probeFile, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { resizeImageToJpeg } from '../../helpers/image/resize-image.js'

export interface VideoImagesOutput {
  /** 280x157 JPEG (PeerTube's thumbnail, `<uuid>.jpg` in the thumbnails folder). */
  thumbnailPath?: string
  /** 850x480 JPEG (PeerTube's preview, `<uuid>.jpg` in the previews folder). */
  previewPath?: string
}

export interface VideoImages {
  thumbnail?: { path: string, width: number, height: number }
  preview?: { path: string, width: number, height: number }
}

/**
 * Thumbnail and preview from the frame in the middle of the video (the opening frames are often black or a
 * title card). Both are cropped to PeerTube's fixed sizes from the same decoded frame. Returns null for a file
 * without video: the caller then uses the uploaded image or the instance's default.
 */
export async function generateImagesFromVideo (options: VideoImagesOutput & {
  input: string
  probe?: ProbeResult
  atSeconds?: number
}): Promise<VideoImages | null> {
  const source = options.probe ?? await probeFile(options.input)
  if (!source.video) return null

  const frame = await extractFrame(options.input, options.atSeconds ?? source.durationSeconds / 2)
  return writeImages(frame, options)
}

/** Turns an uploaded picture (JPEG, PNG, WebP...) into the thumbnail and/or preview. */
export function generateImagesFromPicture (input: string | Buffer, outputs: VideoImagesOutput) {
  return writeImages(input, outputs)
}

async function writeImages (input: string | Buffer, outputs: VideoImagesOutput): Promise<VideoImages> {
  const [ thumbnail, preview ] = await Promise.all([
    outputs.thumbnailPath ? resizeImageToJpeg(input, outputs.thumbnailPath, THUMBNAIL_SIZE) : undefined,
    outputs.previewPath ? resizeImageToJpeg(input, outputs.previewPath, PREVIEW_SIZE) : undefined
  ])

  return { thumbnail, preview }
}
