import { expect } from 'chai'
import { join } from 'node:path'
import sharp from 'sharp'
import { generateImagesFromPicture, generateImagesFromVideo } from '../../lib/video-pipeline/thumbnails.js'
import { generateClip, generateImage, makeTempDir, removeDir } from './fixtures.js'

describe('Thumbnails and previews', function () {
  let dir: string

  before(async function () {
    dir = await makeTempDir('images')
  })

  after(async function () {
    await removeDir(dir)
  })

  it('makes a 280x157 thumbnail and an 850x480 preview, as JPEG, from the middle of a video', async function () {
    const video = await generateClip(join(dir, 'video.mp4'), { width: 1280, height: 720, durationSeconds: 4 })
    const images = await generateImagesFromVideo({
      input: video,
      thumbnailPath: join(dir, 'thumbnail.jpg'),
      previewPath: join(dir, 'preview.jpg')
    })

    const thumbnail = await sharp(join(dir, 'thumbnail.jpg')).metadata()
    const preview = await sharp(join(dir, 'preview.jpg')).metadata()
    expect([ thumbnail.format, thumbnail.width, thumbnail.height ]).to.deep.equal([ 'jpeg', 280, 157 ])
    expect([ preview.format, preview.width, preview.height ]).to.deep.equal([ 'jpeg', 850, 480 ])
    expect(images?.thumbnail).to.include({ width: 280, height: 157 })
  })

  it('fills the boxes from a portrait video too (cropping, never stretching)', async function () {
    const video = await generateClip(join(dir, 'portrait.mp4'), { width: 360, height: 640, durationSeconds: 2 })
    await generateImagesFromVideo({ input: video, thumbnailPath: join(dir, 'portrait-thumbnail.jpg') })

    const thumbnail = await sharp(join(dir, 'portrait-thumbnail.jpg')).metadata()
    expect([ thumbnail.width, thumbnail.height ]).to.deep.equal([ 280, 157 ])
  })

  it('still gets a frame when the container claims more duration than there is', async function () {
    const video = await generateClip(join(dir, 'short.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await generateImagesFromVideo({ input: video, atSeconds: 30, previewPath: join(dir, 'short-preview.jpg') })

    const preview = await sharp(join(dir, 'short-preview.jpg')).metadata()
    expect([ preview.width, preview.height ]).to.deep.equal([ 850, 480 ])
  })

  it('returns null for an audio-only file, leaving the choice of picture to the caller', async function () {
    const audio = await generateClip(join(dir, 'tone.mp3'), { width: 0, height: 0, video: 'none', audio: 'mp3', durationSeconds: 1 })
    expect(await generateImagesFromVideo({ input: audio, thumbnailPath: join(dir, 'none.jpg') })).to.equal(null)
  })

  it('turns an uploaded picture into both sizes', async function () {
    const picture = await generateImage(join(dir, 'upload.png'), 1000, 1000)
    await generateImagesFromPicture(picture, { thumbnailPath: join(dir, 'up-thumbnail.jpg'), previewPath: join(dir, 'up-preview.jpg') })

    expect((await sharp(join(dir, 'up-thumbnail.jpg')).metadata()).width).to.equal(280)
    expect((await sharp(join(dir, 'up-preview.jpg')).metadata()).height).to.equal(480)
  })
})
