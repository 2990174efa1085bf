import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { follow, waitForFollow } from './shared/follows.js'
import { waitForVideo } from './shared/remote-videos.js'

const TWO_RUNGS = {
  transcoding: { resolutions: { '144p': false, '240p': true, '360p': true, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } }
}

describe('Followers see a video\'s ladder grow', function () {
  const one = new TestInstance(1)
  const two = new TestInstance(2)
  let dir: string

  before(async function () {
    dir = await makeTempDir('federation-ladder')
    await Promise.all([ one, two ].map(i => i.flushAndStart({ config: TWO_RUNGS })))
    await follow(one, { hosts: [ two.host ] })
    await waitForFollow(one, 'following', two.host, 'accepted')
  })

  after(async function () {
    await Promise.all([ one.stop(), two.stop() ])
    await removeDir(dir)
  })

  it('gets the video when its first file plays, then the whole ladder through an Update', async function () {
    const clip = await generateClip(join(dir, 'clip-360p.mp4'), { width: 640, height: 360, durationSeconds: 3 })
    const uuid = (await uploadVideo(two, clip, { name: 'Growing ladder' })).body.video.uuid
    await waitForLadder(two, uuid, [ 360, 240 ])

    const complete = await waitForVideo(one, uuid, v => v.files.length === 2 && v.streamingPlaylists[0]?.files.length === 2)
    expect(complete.files.map((f: { resolution: { id: number } }) => f.resolution.id)).to.deep.equal([ 360, 240 ])

    // Instance 1 follows instance 2's server actor: it heard of the video from the server actor's Announce when
    // the upload's copy was published (one rung), then got the rest of the ladder in an Update.
    const sent = await two.api().get('/api/v1/jobs/completed?count=100').set('Authorization', `Bearer ${two.accessToken}`).expect(200)
    type Delivery = { type: string, createdAt: string, data: { body?: { type: string, object?: string | { uuid?: string, url?: { mediaType?: string }[] } } } }
    const deliveries = (sent.body.data as Delivery[]).filter(job => job.type.startsWith('activitypub-http'))
    const aboutVideo = (job: Delivery) => {
      const object = job.data.body?.object
      return typeof object === 'string' ? object.endsWith(uuid) : object?.uuid === uuid
    }

    const announce = deliveries.find(job => job.data.body?.type === 'Announce' && aboutVideo(job))
    const update = deliveries.find(job => job.data.body?.type === 'Update' && aboutVideo(job))
    expect(announce, 'an Announce was sent').to.not.equal(undefined)
    expect(update, 'an Update was sent').to.not.equal(undefined)
    expect(Date.parse(update!.createdAt)).to.be.greaterThan(Date.parse(announce!.createdAt))

    const updated = update!.data.body!.object as { url: { mediaType?: string }[] }
    expect(updated.url.filter(link => link.mediaType === 'video/mp4')).to.have.length(2)
  })

  it('leaves tracking a remote video\'s swarms to its origin: only the origin\'s tracker accepts its info hashes', async function () {
    const [ { uuid } ] = await one.sql<{ uuid: string }>('SELECT uuid FROM video WHERE name = $1', [ 'Growing ladder' ])
    const remote = (await one.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    const infoHash = /xt=urn:btih:([a-f0-9]{40})/.exec(remote.files[0].magnetUri)![1]

    const announce = async (instance: TestInstance) => {
      const res = await instance.api().get('/tracker/announce').query(announceQuery(infoHash)).buffer(true)
        .parse((r, cb) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => cb(null, Buffer.concat(c))) })
      return (res.body as Buffer).toString('latin1')
    }
    expect(await announce(two)).to.not.include('failure reason')
    expect(await announce(one)).to.include('failure reason')
  })
})

function announceQuery (infoHashHex: string) {
  // The HTTP tracker protocol wants raw bytes, percent-encoded.
  const raw = (hex: string) => hex.match(/../g)!.map(b => '%' + b).join('')
  return `info_hash=${raw(infoHashHex)}&peer_id=${raw('2d5454303030312d' + '0'.repeat(24))}&port=6881&uploaded=0&downloaded=0&left=100&compact=1&event=started`
}
