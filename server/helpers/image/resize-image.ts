import { loadSharp } from './load-sharp.js'
import { IMAGE_JPEG_QUALITY } from '../../initializers/constants/transcoding.js'

export interface ImageSize {
  width: number
  height: number
}

/**
 * Writes `input` (a path or an encoded image in memory) as a JPEG of exactly `size`, cropping the overflow around the
 * center (PeerTube's thumbnails and previews are fixed-size boxes). Honors EXIF orientation; transparency becomes
 * white, since JPEG has none.
 */
export async function resizeImageToJpeg (input: string | Buffer, outputPath: string, size: ImageSize) {
  const sharp = await loadSharp()
  await sharp(input, { failOn: 'error' })
    .rotate()
    .resize(size.width, size.height, { fit: 'cover', position: 'centre' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: IMAGE_JPEG_QUALITY, mozjpeg: false })
    .toFile(outputPath)

  return { path: outputPath, ...size }
}
