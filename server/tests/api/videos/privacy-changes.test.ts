import { join } from 'node:path'
import { expect } from 'chai'
import parseTorrent from 'parse-torrent'
import { TestInstance } from '../../shared/test-instance.js'
import { getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Privacy changes move files, even while transcoding', function () {
  const instance = new TestInstance(2)
  let dir: string

  before(async function () {
    dir = await makeTempDir('privacy-changes')
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const auth = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  async function torrentUrlList (torrentUrl: string) {
    const res = await instance.api().get(new URL(torrentUrl).pathname).set(auth()).buffer(true)
      .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))) })
      .expect(200)
    return (await parseTorrent(res.body as Buffer)).urlList
  }

  async function expectAllFilesServedFrom (video: any, folder: 'public' | 'private') {
    const files = [ ...video.files, ...video.streamingPlaylists[0].files ]
    for (const file of files) {
      const path = new URL(file.fileUrl).pathname
      expect(path.includes('/private/'), path).to.equal(folder === 'private')
      await instance.api().get(path).set(auth()).set('Range', 'bytes=0-9').expect(206)
      expect(await torrentUrlList(file.torrentUrl), 'the torrent\'s WebSeed follows the file').to.deep.equal([ file.fileUrl ])
    }
    await instance.api().get(new URL(video.streamingPlaylists[0].playlistUrl).pathname).set(auth()).expect(200)
  }

  it('made private while its ladder is being encoded: every file ends up private and working', async function () {
    const clip = await generateClip(join(dir, 'vp9.webm'), { width: 1280, height: 720, durationSeconds: 8, video: 'vp9', audio: 'opus' })
    const uuid = (await uploadVideo(instance, clip, { name: 'Going private' })).body.video.uuid

    await instance.api().put(`/api/v1/videos/${uuid}`).set(auth()).send({ privacy: 3 }).expect(204)
    const video = await waitForLadder(instance, uuid, [ 720, 480, 360, 240 ])

    await expectAllFilesServedFrom(video, 'private')
    for (const file of video.files) {
      const publicPath = new URL(file.fileUrl).pathname.replace('/private/', '/')
      await instance.api().get(publicPath).expect(404)
    }
  })

  it('made public again: files move back, torrents point at the public URLs', async function () {
    const [ { uuid } ] = await instance.sql<{ uuid: string }>('SELECT uuid FROM video WHERE name = $1', [ 'Going private' ])
    await instance.api().put(`/api/v1/videos/${uuid}`).set(auth()).send({ privacy: 1 }).expect(204)

    const video = (await getVideo(instance, uuid).expect(200)).body
    await expectAllFilesServedFrom(video, 'public')
  })
})
