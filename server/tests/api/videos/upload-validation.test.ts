import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import sharp from 'sharp'
import { fromRoot } from '../../../helpers/project-root.js'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Video upload and update: validation of files and fields', function () {
  const instance = new TestInstance(3)
  let dir: string
  let clip: string
  let picture: Buffer
  let channelId: number
  let videoUuid: string

  const notAnImage = Buffer.from('This is plain text pretending to be a PNG picture.\n'.repeat(20))

  before(async function () {
    dir = await makeTempDir('upload-validation')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2 })
    picture = await sharp({ create: { width: 320, height: 180, channels: 3, background: '#3060c0' } }).png().toBuffer()
    await instance.flushAndStart()
    channelId = await firstChannelId(instance)

    const res = await uploadVideo(instance, clip, { name: 'Video to update' })
    expect(res.status).to.equal(200)
    videoUuid = res.body.video.uuid
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  function upload (fields: Record<string, string> = {}) {
    const req = instance.api()
      .post('/api/v1/videos/upload')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .field('name', 'Validated upload')
      .field('channelId', String(channelId))
    for (const [ key, value ] of Object.entries(fields)) req.field(key, value)
    return req.attach('videofile', clip)
  }

  function update () {
    return instance.api().put(`/api/v1/videos/${videoUuid}`).set('Authorization', `Bearer ${instance.accessToken}`)
  }

  async function filesIn (...folders: string[]) {
    const lists = await Promise.all(folders.map(f => readdir(fromRoot(instance.storageFolder, f)).catch(() => [] as string[])))
    return lists.flat().sort()
  }

  /** What an upload or update may leave behind: temporary files, inputs, thumbnails and previews. */
  function storedFiles () {
    return filesIn('tmp/uploads', 'tmp/inputs', 'thumbnails', 'previews')
  }

  /**
   * Waits until no file is there that was not there `before` (temporary files go when the reply is sent, so a
   * moment after the client has it; files of earlier uploads may go too, as their transcoding ends).
   */
  async function expectNothingNewSince (before: string[]) {
    const isNew = (file: string) => !before.includes(file)
    await waitUntil(async () => !(await storedFiles()).some(isNew), 5000, 100).catch(() => undefined)
    expect((await storedFiles()).filter(isNew)).to.deep.equal([])
  }

  async function videoCount () {
    return (await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM video'))[0].n
  }

  describe('thumbnail and preview files', function () {
    for (const field of [ 'thumbnailfile', 'previewfile' ]) {
      it(`refuses an upload whose ${field} claims to be an image but is not, leaving nothing behind`, async function () {
        const countBefore = await videoCount()
        const filesBefore = await storedFiles()

        const res = await upload().attach(field, notAnImage, { filename: 'picture.png', contentType: 'image/png' })

        expect(res.status).to.equal(400)
        expect(res.body['invalid-params']).to.have.property(field)
        expect(await videoCount()).to.equal(countBefore)
        await expectNothingNewSince(filesBefore)
      })
    }

    it('refuses an upload with a good thumbnail and a bad preview, without keeping the thumbnail', async function () {
      const filesBefore = await storedFiles()
      const res = await upload()
        .attach('thumbnailfile', picture, { filename: 'thumb.png', contentType: 'image/png' })
        .attach('previewfile', notAnImage, { filename: 'preview.jpg', contentType: 'image/jpeg' })

      expect(res.status).to.equal(400)
      expect(res.body['invalid-params']).to.have.property('previewfile')
      await expectNothingNewSince(filesBefore)
    })

    it('refuses an upload whose thumbnail is not declared as an image', async function () {
      const res = await upload().attach('thumbnailfile', picture, { filename: 'thumb.txt', contentType: 'text/plain' })
      expect(res.status).to.equal(400)
      expect(res.body['invalid-params']).to.have.property('thumbnailfile')
    })

    it('uses a real image given at upload', async function () {
      const res = await upload().attach('thumbnailfile', picture, { filename: 'thumb.png', contentType: 'image/png' })
      expect(res.status).to.equal(200)
    })

    it('refuses an update whose thumbnailfile or previewfile is not an image, changing nothing', async function () {
      const filesBefore = await storedFiles()
      for (const field of [ 'thumbnailfile', 'previewfile' ]) {
        const res = await update().field('name', 'Should not be renamed').attach(field, notAnImage, { filename: 'x.png', contentType: 'image/png' })
        expect(res.status).to.equal(400)
        expect(res.body['invalid-params']).to.have.property(field)
      }
      await expectNothingNewSince(filesBefore)
      const rows = await instance.sql<{ name: string }>('SELECT name FROM video WHERE uuid = $1', [ videoUuid ])
      expect(rows[0].name).to.equal('Video to update')
    })
  })

  describe('the update\'s own multipart parser (images only)', function () {
    it('refuses a videofile part instead of storing it', async function () {
      const before = await storedFiles()
      const res = await update().field('name', 'With a video').attach('videofile', clip)
      expect(res.status).to.equal(400)
      expect(res.body['invalid-params']).to.have.property('videofile')
      await expectNothingNewSince(before)
    })

    it('refuses a file not declared as an image, naming its field', async function () {
      const res = await update().attach('previewfile', picture, { filename: 'preview.bin', contentType: 'application/octet-stream' })
      expect(res.status).to.equal(400)
      expect(res.body['invalid-params']).to.have.property('previewfile')
    })

    it('refuses an image over 4 MB while receiving it, never storing more than 4 MB', async function () {
      const uploads = fromRoot(instance.storageFolder, 'tmp', 'uploads')
      let largest = 0
      const watcher = setInterval(() => {
        readdir(uploads)
          .then(files => Promise.all(files.map(f => stat(join(uploads, f)).then(s => s.size, () => 0))))
          .then(sizes => { largest = Math.max(largest, ...sizes) }, () => {})
      }, 2)

      const big = Buffer.alloc(40 * 1024 * 1024, 0xff)
      const res = await update().attach('thumbnailfile', big, { filename: 'big.png', contentType: 'image/png' })
        .catch(err => err.response ?? { status: 'connection reset', body: {} })
      clearInterval(watcher)

      expect(res.status).to.be.oneOf([ 400, 413 ])
      expect(res.body['invalid-params']).to.have.property('thumbnailfile')
      // The parser stops at the limit (give or take the last piece received), far from the 40 MB sent.
      expect(largest).to.be.at.most(4 * 1024 * 1024 + 64 * 1024)
      await waitUntil(async () => (await filesIn('tmp/uploads')).length === 0, 5000, 100).catch(() => undefined)
      expect(await filesIn('tmp/uploads')).to.deep.equal([])
    })

    it('accepts a new thumbnail and preview', async function () {
      const before = await filesIn('thumbnails', 'previews')
      await update()
        .attach('thumbnailfile', picture, { filename: 'thumb.png', contentType: 'image/png' })
        .attach('previewfile', picture, { filename: 'preview.png', contentType: 'image/png' })
        .expect(204)
      // The replaced images are removed by a job, right after the update's commit.
      await waitUntil(async () => (await filesIn('thumbnails', 'previews')).length === before.length, 5000, 100).catch(() => undefined)
      const after = await filesIn('thumbnails', 'previews')
      expect(after).to.have.length(before.length)
      expect(after).to.not.deep.equal(before)
    })
  })

  describe('originallyPublishedAt', function () {
    for (const value of [ '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '10000-01-01', 'March 3 2019', '2019-02-30', '1552000000000' ]) {
      it(`refuses ${value}`, async function () {
        const res = await update().send({ originallyPublishedAt: value })
        expect(res.status).to.equal(400)
        expect(res.body['invalid-params']).to.have.property('originallyPublishedAt')
      })
    }

    it('refuses a bad date at upload too', async function () {
      const res = await upload({ originallyPublishedAt: '-000001-01-01T00:00:00Z' })
      expect(res.status).to.equal(400)
      expect(res.body['invalid-params']).to.have.property('originallyPublishedAt')
    })

    it('accepts ISO 8601 dates from year 1 to 9999', async function () {
      for (const value of [ '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59Z', '2019-03-04' ]) {
        await update().send({ originallyPublishedAt: value }).expect(204)
      }
      await update().send({ originallyPublishedAt: '2019-03-04T05:06:07.000Z' }).expect(204)
      const video = await instance.api().get(`/api/v1/videos/${videoUuid}`).expect(200)
      expect(video.body.originallyPublishedAt).to.equal('2019-03-04T05:06:07.000Z')
    })
  })

  describe('category, licence and language', function () {
    for (const key of [ 'toString', 'constructor', '__proto__', 'hasOwnProperty' ]) {
      it(`refuses the language "${key}" (inherited, not a language)`, async function () {
        const updated = await update().send({ language: key })
        expect(updated.status).to.equal(400)
        expect(updated.body['invalid-params']).to.have.property('language')

        const uploaded = await upload({ language: key })
        expect(uploaded.status).to.equal(400)
        expect(uploaded.body['invalid-params']).to.have.property('language')
      })
    }

    it('refuses categories and licences that are not in the lists', async function () {
      for (const [ field, value ] of [ [ 'category', 'constructor' ], [ 'category', '0' ], [ 'licence', 'toString' ], [ 'licence', '99' ] ]) {
        const res = await update().send({ [field]: value })
        expect(res.status, `${field}=${value}`).to.equal(400)
        expect(res.body['invalid-params']).to.have.property(field)
      }
    })

    it('accepts real ones', async function () {
      await update().send({ language: 'fr', category: 2, licence: 1 }).expect(204)
      const video = await instance.api().get(`/api/v1/videos/${videoUuid}`).expect(200)
      expect(video.body.language.id).to.equal('fr')
      expect(video.body.category.id).to.equal(2)
      expect(video.body.licence.id).to.equal(1)
    })
  })
})
