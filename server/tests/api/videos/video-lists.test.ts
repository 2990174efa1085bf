import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

const ONLY_240P = { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }

describe('Video lists: filters, sorts, constants and views', function () {
  const instance = new TestInstance(3)
  let dir: string
  const uuids: Record<string, string> = {}

  before(async function () {
    dir = await makeTempDir('lists')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: ONLY_240P })

    const videos: { name: string, extra: Record<string, string | number | boolean> }[] = [
      { name: 'Cooking pasta', extra: { category: 18, language: 'it', tags: 'food', nsfw: false } },
      { name: 'Éléphant documentary', extra: { category: 16, language: 'fr', tags: 'animals', nsfw: false } },
      { name: 'Night club', extra: { category: 10, language: 'en', tags: 'party', nsfw: true } },
      { name: 'Unlisted one', extra: { category: 10, language: 'en', tags: 'party', privacy: 2 } }
    ]
    for (const video of videos) {
      const res = await uploadVideo(instance, clip, { name: video.name, extra: video.extra })
      expect(res.status, JSON.stringify(res.body)).to.equal(200)
      uuids[video.name] = res.body.video.uuid
      await waitForLadder(instance, res.body.video.uuid, [ 240 ])
    }
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map(v => v.name)

  it('lists public videos only, newest first by default, with a total', async function () {
    const res = await instance.api().get('/api/v1/videos').query({ nsfw: 'both' }).expect(200)
    expect(res.body.total).to.equal(3)
    expect(names(res)).to.deep.equal([ 'Night club', 'Éléphant documentary', 'Cooking pasta' ])
  })

  it('pages with start and count, and sorts by name', async function () {
    const res = await instance.api().get('/api/v1/videos').query({ nsfw: 'both', sort: 'name', start: 1, count: 1 }).expect(200)
    expect(res.body.total).to.equal(3)
    expect(names(res)).to.deep.equal([ 'Night club' ])
  })

  it('filters by category, language and tag', async function () {
    expect(names(await instance.api().get('/api/v1/videos').query({ categoryOneOf: [ 16, 18 ] }).expect(200)))
      .to.have.members([ 'Cooking pasta', 'Éléphant documentary' ])
    expect(names(await instance.api().get('/api/v1/videos').query({ languageOneOf: 'fr' }).expect(200)))
      .to.deep.equal([ 'Éléphant documentary' ])
    expect(names(await instance.api().get('/api/v1/videos').query({ tagsOneOf: 'food' }).expect(200)))
      .to.deep.equal([ 'Cooking pasta' ])
  })

  it('hides NSFW videos from anonymous visitors when the instance policy says so, and shows them on request', async function () {
    expect(names(await instance.api().get('/api/v1/videos').query({ nsfw: 'false' }).expect(200))).to.not.include('Night club')
    expect(names(await instance.api().get('/api/v1/videos').query({ nsfw: 'true' }).expect(200))).to.deep.equal([ 'Night club' ])
  })

  it('lets moderators list by privacy, and nobody else', async function () {
    await instance.api().get('/api/v1/videos').query({ privacyOneOf: 2 }).expect(403)
    const res = await instance.api().get('/api/v1/videos').query({ privacyOneOf: 2 }).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
    expect(names(res)).to.deep.equal([ 'Unlisted one' ])
  })

  it('shows an unlisted video to anyone who has its link', async function () {
    const res = await instance.api().get(`/api/v1/videos/${uuids['Unlisted one']}`).expect(200)
    expect(res.body.privacy).to.deep.equal({ id: 2, label: 'Unlisted' })
  })

  it('searches names without caring about accents or case, and tags exactly', async function () {
    expect(names(await instance.api().get('/api/v1/search/videos').query({ search: 'elephant' }).expect(200))).to.deep.equal([ 'Éléphant documentary' ])
    expect(names(await instance.api().get('/api/v1/search/videos').query({ search: 'COOKING' }).expect(200))).to.deep.equal([ 'Cooking pasta' ])
    expect(names(await instance.api().get('/api/v1/search/videos').query({ search: 'animals' }).expect(200))).to.deep.equal([ 'Éléphant documentary' ])
    expect((await instance.api().get('/api/v1/search/videos').query({ search: 'unlisted' }).expect(200)).body.total).to.equal(0)
  })

  it('counts a view once per viewer, and sorts by views', async function () {
    const uuid = uuids['Cooking pasta']
    await instance.api().post(`/api/v1/videos/${uuid}/views`).expect(204)
    await instance.api().post(`/api/v1/videos/${uuid}/views`).expect(204)

    const video = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    expect(video.views).to.equal(1)
    expect(names(await instance.api().get('/api/v1/videos').query({ sort: '-views', count: 1 }).expect(200))).to.deep.equal([ 'Cooking pasta' ])
  })

  it('serves the constants clients build their forms from', async function () {
    expect((await instance.api().get('/api/v1/videos/categories').expect(200)).body['18']).to.equal('Food')
    expect((await instance.api().get('/api/v1/videos/licences').expect(200)).body['7']).to.equal('Public Domain Dedication')
    expect((await instance.api().get('/api/v1/videos/languages').expect(200)).body.fr).to.equal('French')
    expect((await instance.api().get('/api/v1/videos/privacies').expect(200)).body).to.include({ 1: 'Public', 3: 'Private' })
  })

  it('refuses unknown filters values and sorts, naming the field', async function () {
    const res = await instance.api().get('/api/v1/videos').query({ sort: '-nope' }).expect(400)
    expect(res.body['invalid-params']).to.have.property('sort')
    const nsfw = await instance.api().get('/api/v1/videos').query({ nsfw: 'maybe' }).expect(400)
    expect(nsfw.body['invalid-params']).to.have.property('nsfw')
  })

  it('lists a channel\'s and an account\'s videos', async function () {
    expect((await instance.api().get('/api/v1/video-channels/root_channel/videos').query({ nsfw: 'both' }).expect(200)).body.total).to.equal(3)
    expect((await instance.api().get('/api/v1/accounts/root/videos').query({ nsfw: 'both' }).expect(200)).body.total).to.equal(3)
    const mine = await instance.api().get('/api/v1/users/me/videos').set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
    expect(mine.body.total).to.equal(4)
  })
  it('answers lists from statements kept prepared as the data changes, and when more are prepared than a connection keeps', async function () {
    const home = () => instance.api().get('/api/v1/videos').query({ nsfw: 'both', count: 10 }).expect(200)
    // Frequent: prepared from the third use on.
    for (let i = 0; i < 4; i++) expect(names(await home())).to.deep.equal([ 'Night club', 'Éléphant documentary', 'Cooking pasta' ])
    const renamed = 'Cooking pasta, renamed'
    await instance.api().put(`/api/v1/videos/${uuids['Cooking pasta']}`).set('Authorization', `Bearer ${instance.accessToken}`).send({ name: renamed }).expect(204)
    expect(names(await home())).to.deep.equal([ 'Night club', 'Éléphant documentary', renamed ])
    await instance.api().put(`/api/v1/videos/${uuids['Cooking pasta']}`).set('Authorization', `Bearer ${instance.accessToken}`).send({ name: 'Cooking pasta' }).expect(204)

    // 40 frequent statements: more than a connection keeps (VIDEO_LIST_PREPARED.PER_CONNECTION for each of the pool's
    // connections), so the least recently used are deallocated and prepared again when they come back.
    const expected = [ 'Night club', 'Éléphant documentary', 'Cooking pasta' ]
    for (let round = 0; round < 5; round++) {
      for (let count = 1; count <= 40; count++) {
        const res = await instance.api().get('/api/v1/videos').query({ nsfw: 'both', count }).expect(200)
        expect(names(res), `count=${count}`).to.deep.equal(expected.slice(0, count))
        expect(res.body.total).to.equal(3)
      }
    }
  })

  it('sends a list compressed as the client asks (brotli, gzip or not at all), the same JSON each way', async function () {
    const url = `${instance.url}/api/v1/videos?nsfw=both&count=25`
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).to.equal(null)
    const json = await plain.json() as { total: number }
    expect(json.total).to.equal(3)
    for (const encoding of [ 'br', 'gzip', 'gzip;q=1, br;q=0.5' ]) {
      // Identical requests at once share one result, serialized and compressed once.
      const replies = await Promise.all([ 1, 2, 3 ].map(() => fetch(url, { headers: { 'accept-encoding': encoding } })))
      for (const reply of replies) {
        expect(reply.headers.get('content-encoding'), encoding).to.equal(encoding.startsWith('gzip') ? 'gzip' : 'br')
        expect(reply.headers.get('vary')).to.match(/Accept-Encoding/)
        expect(await reply.json()).to.deep.equal(json)
      }
      const etag = replies[0].headers.get('etag')!
      // (fetch would add Cache-Control: no-cache to a conditional request)
      await instance.api().get('/api/v1/videos').query({ nsfw: 'both', count: 25 }).set('Accept-Encoding', encoding).set('If-None-Match', etag).expect(304)
    }
  })
})
