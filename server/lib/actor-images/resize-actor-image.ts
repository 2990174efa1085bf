import { randomUUID } from 'node:crypto'
import { loadSharp } from '../../helpers/image/load-sharp.js'
import type { ActorImageTypeValue } from '../../../shared/models/actor-images.js'
import { invalidField } from '../http-problems/http-problem.js'
import { actorImagePath, ensureActorImagesFolder, removeActorImageFiles } from './actor-image-files.js'
import { ACTOR_IMAGE_SIZES } from './actor-image-sizes.js'

export interface WrittenActorImage {
  filename: string
  width: number
  height: number
}

/** Sharp's pixel limit (about 16k x 16k) would still let a 4 MB file decode into gigabytes; this keeps it sane. */
const MAX_INPUT_PIXELS = 100_000_000

/**
 * Writes every size of an avatar or banner from the uploaded bytes, cropped to fill each box around the center.
 * Images with transparency stay PNG; others become JPEG. Animated images keep their first frame.
 * `field` names the upload field in the 400 answered for bytes that are not an image.
 */
export async function writeActorImageSizes (input: Buffer, type: ActorImageTypeValue, field: string): Promise<WrittenActorImage[]> {
  const sharp = await loadSharp()
  const decoded = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, animated: false })
  let hasAlpha: boolean
  try {
    const metadata = await decoded.metadata()
    if (!metadata.width || !metadata.height) throw new Error('No dimensions')
    hasAlpha = metadata.hasAlpha === true
  } catch {
    throw invalidField('files', field, 'Should be a PNG, JPEG, GIF or WebP image')
  }

  await ensureActorImagesFolder()
  const written: WrittenActorImage[] = []
  try {
    for (const size of ACTOR_IMAGE_SIZES[type]) {
      const filename = `${randomUUID()}.${hasAlpha ? 'png' : 'jpg'}`
      const resized = decoded.clone().rotate().resize(size.width, size.height, { fit: 'cover', position: 'centre' })
      const encoded = hasAlpha ? resized.png() : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 85 })
      await encoded.toFile(actorImagePath(filename))
      written.push({ filename, ...size })
    }
  } catch (err) {
    await removeActorImageFiles(written.map(image => image.filename))
    throw invalidField('files', field, `Cannot process this image: ${(err as Error).message}`)
  }
  return written
}
