import sharp from 'sharp'
import { AUDIO_ONLY_VIDEO } from '../../../initializers/constants/transcoding.js'

let background: Promise<Buffer> | undefined

/**
 * The picture a runner lays an audio upload's sound over when the video has no preview (PeerTube's runner needs one
 * for its audio merge): the plain background a local encode shows, 16:9 at the audio rung's height.
 */
export function audioBackgroundJpeg () {
  background ??= sharp({
    create: {
      width: Math.round(AUDIO_ONLY_VIDEO.RESOLUTION * 16 / 9 / 2) * 2,
      height: AUDIO_ONLY_VIDEO.RESOLUTION,
      channels: 3,
      background: `#${AUDIO_ONLY_VIDEO.BACKGROUND_COLOR.replace(/^0x/, '')}`
    }
  }).jpeg({ quality: 90 }).toBuffer()
  return background
}
