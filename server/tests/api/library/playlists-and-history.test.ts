import { expect } from 'chai'
import { join } from 'node:path'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, generateImage, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

const FAST = { transcoding: { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }

describe('Playlists, watch history and the subscriptions feed', function () {
  const instance = new TestInstance(2)
  let dir: string
  let owner: CreatedUser
  let viewer: CreatedUser
  let channelId: number
  const videos: Record<'first' | 'second' | 'private', { id: number, uuid: string, duration: number }> = {} as never

  async function upload (name: string, privacy = 1) {
    const res = await uploadVideo(instance, join(dir, 'clip.mp4'), { token: owner.token, channelId, name, privacy })
    expect(res.status).to.equal(200)
    const video = await waitForLadder(instance, res.body.video.uuid, [ 240 ])
    return { id: video.id as number, uuid: video.uuid as string, duration: video.duration as number }
  }

  const api = () => instance.api()

  before(async function () {
    dir = await makeTempDir('playlists')
    await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 3, fps: 25 })
    await generateImage(join(dir, 'cover.png'), 400, 300)
    await instance.flushAndStart({ config: FAST })
    owner = await createUser(instance, 'owner')
    viewer = await createUser(instance, 'viewer')
    channelId = await firstChannelId(instance, 'owner')
    ;[ videos.first, videos.second, videos.private ] = await Promise.all([ upload('First clip'), upload('Second clip'), upload('Private clip', 3) ])
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  describe('Playlists', function () {
    let playlist: { id: number, uuid: string, shortUUID: string }
    let privatePlaylist: { id: number, uuid: string }
    const elements: number[] = []

    it('gives every user a private "Watch later" that cannot be deleted or changed', async function () {
      const me = (await api().get('/api/v1/users/me').set(auth(owner.token)).expect(200)).body
      const [ watchLater ] = me.specialPlaylists
      expect(watchLater).to.include({ name: 'Watch later', type: 2 })

      const mine = (await api().get('/api/v1/accounts/owner/video-playlists').set(auth(owner.token)).expect(200)).body
      expect(mine.data.map((p: any) => p.type.id)).to.include(2)
      const seenByOthers = (await api().get('/api/v1/accounts/owner/video-playlists').set(auth(viewer.token)).expect(200)).body
      expect(seenByOthers.total).to.equal(0)

      await api().delete(`/api/v1/video-playlists/${watchLater.id}`).set(auth(owner.token)).expect(400)
      await api().put(`/api/v1/video-playlists/${watchLater.id}`).set(auth(owner.token)).send({ displayName: 'Renamed' }).expect(400)
      await api().post(`/api/v1/video-playlists/${watchLater.id}/videos`).set(auth(owner.token)).send({ videoId: videos.private.uuid }).expect(200)
    })

    it('refuses a public playlist without a channel, or on another user\'s channel, naming videoChannelId', async function () {
      const none = await api().post('/api/v1/video-playlists').set(auth(owner.token)).send({ displayName: 'Nowhere', privacy: 1 }).expect(400)
      expect(none.body['invalid-params']).to.have.property('videoChannelId')
      const foreign = await api().post('/api/v1/video-playlists').set(auth(viewer.token)).send({ displayName: 'Not mine', privacy: 1, videoChannelId: channelId }).expect(400)
      expect(foreign.body['invalid-params']).to.have.property('videoChannelId')
    })

    it('creates a public playlist on a channel with an uploaded miniature (multipart, as PeerTube\'s client sends it)', async function () {
      const res = await api().post('/api/v1/video-playlists').set(auth(owner.token))
        .field('displayName', 'Summer films').field('privacy', '1').field('videoChannelId', String(channelId)).field('description', 'Clips of the summer')
        .attach('thumbnailfile', join(dir, 'cover.png')).expect(200)
      playlist = res.body.videoPlaylist
      const details = (await api().get(`/api/v1/video-playlists/${playlist.shortUUID}`).expect(200)).body
      expect(details).to.include({ displayName: 'Summer films', description: 'Clips of the summer', isLocal: true, videosLength: 0 })
      expect(details.privacy).to.deep.equal({ id: 1, label: 'Public' })
      expect(details.videoChannel.name).to.equal('owner_channel')
      const image = await api().get(details.thumbnailPath).expect(200)
      expect(image.headers['content-type']).to.equal('image/jpeg')
    })

    it('adds videos with start and stop timestamps, refusing timestamps outside the video and private videos', async function () {
      const path = `/api/v1/video-playlists/${playlist.id}/videos`
      const late = await api().post(path).set(auth(owner.token)).send({ videoId: videos.first.id, startTimestamp: videos.first.duration }).expect(400)
      expect(late.body['invalid-params']).to.have.property('startTimestamp')
      const beyond = await api().post(path).set(auth(owner.token)).send({ videoId: videos.first.id, stopTimestamp: videos.first.duration + 5 }).expect(400)
      expect(beyond.body['invalid-params']).to.have.property('stopTimestamp')
      const reversed = await api().post(path).set(auth(owner.token)).send({ videoId: videos.first.id, startTimestamp: 2, stopTimestamp: 1 }).expect(400)
      expect(reversed.body['invalid-params']).to.have.property('stopTimestamp')
      const hidden = await api().post(path).set(auth(owner.token)).send({ videoId: videos.private.uuid }).expect(400)
      expect(hidden.body['invalid-params']).to.have.property('videoId')
      const unknown = await api().post(path).set(auth(owner.token)).send({ videoId: 999999 }).expect(400)
      expect(unknown.body['invalid-params']).to.have.property('videoId')
      await api().post(path).set(auth(viewer.token)).send({ videoId: videos.first.id }).expect(403)

      for (const [ video, start, stop ] of [ [ videos.first, 1, 2 ], [ videos.second, null, null ], [ videos.first, null, 1 ] ] as const) {
        const res = await api().post(path).set(auth(owner.token)).send({ videoId: video.uuid, startTimestamp: start, stopTimestamp: stop }).expect(200)
        elements.push(res.body.videoPlaylistElement.id)
      }
      const list = (await api().get(path).expect(200)).body
      expect(list.total).to.equal(3)
      expect(list.data.map((e: any) => [ e.position, e.video.uuid, e.startTimestamp, e.stopTimestamp, e.type ])).to.deep.equal([
        [ 1, videos.first.uuid, 1, 2, 0 ], [ 2, videos.second.uuid, null, null, 0 ], [ 3, videos.first.uuid, null, 1, 0 ]
      ])
    })

    it('reorders elements and updates their timestamps; an unknown element is a 404', async function () {
      await api().post(`/api/v1/video-playlists/${playlist.id}/videos/reorder`).set(auth(owner.token)).send({ startPosition: 3, insertAfterPosition: 0 }).expect(204)
      const bad = await api().post(`/api/v1/video-playlists/${playlist.id}/videos/reorder`).set(auth(owner.token)).send({ startPosition: 4, insertAfterPosition: 0 }).expect(400)
      expect(bad.body['invalid-params']).to.have.property('startPosition')
      await api().put(`/api/v1/video-playlists/${playlist.id}/videos/${elements[1]}`).set(auth(owner.token)).send({ startTimestamp: 1 }).expect(204)
      const wrong = await api().put(`/api/v1/video-playlists/${playlist.id}/videos/${elements[1]}`).set(auth(owner.token)).send({ stopTimestamp: 99 }).expect(400)
      expect(wrong.body['invalid-params']).to.have.property('stopTimestamp')
      await api().put(`/api/v1/video-playlists/${playlist.id}/videos/987654`).set(auth(owner.token)).send({ startTimestamp: 1 }).expect(404)
      await api().delete(`/api/v1/video-playlists/${playlist.id}/videos/987654`).set(auth(owner.token)).expect(404)

      const list = (await api().get(`/api/v1/video-playlists/${playlist.uuid}/videos`).expect(200)).body
      expect(list.data.map((e: any) => [ e.id, e.position ])).to.deep.equal([ [ elements[2], 1 ], [ elements[0], 2 ], [ elements[1], 3 ] ])
      expect(list.data[2].startTimestamp).to.equal(1)

      await api().delete(`/api/v1/video-playlists/${playlist.id}/videos/${elements[0]}`).set(auth(owner.token)).expect(204)
      const after = (await api().get(`/api/v1/video-playlists/${playlist.uuid}/videos`).expect(200)).body
      expect(after.data.map((e: any) => e.position)).to.deep.equal([ 1, 2 ])
    })

    it('tells the add-to-playlist menu where videos already are', async function () {
      const res = await api().get('/api/v1/users/me/video-playlists/videos-exist').set(auth(owner.token))
        .query({ videoIds: [ videos.first.id, videos.second.id, videos.private.id ] }).expect(200)
      expect(res.body[videos.first.id].map((e: any) => e.playlistId)).to.deep.equal([ playlist.id ])
      expect(res.body[videos.second.id][0]).to.include({ playlistId: playlist.id, playlistDisplayName: 'Summer films', startTimestamp: 1 })
      expect(res.body[videos.private.id]).to.have.length(1)
      const others = await api().get('/api/v1/users/me/video-playlists/videos-exist').set(auth(viewer.token)).query({ videoIds: videos.first.id }).expect(200)
      expect(others.body).to.deep.equal({ [videos.first.id]: [] })
    })

    it('keeps private playlists to their owner, and cannot make one public while it holds a private video', async function () {
      const res = await api().post('/api/v1/video-playlists').set(auth(owner.token)).send({ displayName: 'Drafts', privacy: 3 }).expect(200)
      privatePlaylist = res.body.videoPlaylist
      await api().post(`/api/v1/video-playlists/${privatePlaylist.id}/videos`).set(auth(owner.token)).send({ videoId: videos.private.id }).expect(200)
      await api().get(`/api/v1/video-playlists/${privatePlaylist.uuid}`).expect(401)
      await api().get(`/api/v1/video-playlists/${privatePlaylist.uuid}`).set(auth(viewer.token)).expect(403)

      const refused = await api().put(`/api/v1/video-playlists/${privatePlaylist.id}`).set(auth(owner.token)).send({ privacy: 1, videoChannelId: channelId }).expect(400)
      expect(refused.body['invalid-params']).to.have.property('privacy')
    })

    it('takes the miniature of a playlist without one from its first video', async function () {
      const res = await api().post('/api/v1/video-playlists').set(auth(owner.token)).send({ displayName: 'Automatic cover', privacy: 2, videoChannelId: channelId }).expect(200)
      const id = res.body.videoPlaylist.id
      expect((await api().get(`/api/v1/video-playlists/${res.body.videoPlaylist.uuid}`).expect(200)).body.thumbnailPath).to.equal(null)
      await api().post(`/api/v1/video-playlists/${id}/videos`).set(auth(owner.token)).send({ videoId: videos.second.id }).expect(200)
      const { waitUntil } = await import('../../shared/wait.js')
      const path = await waitUntil(async () => (await api().get(`/api/v1/video-playlists/${res.body.videoPlaylist.uuid}`).expect(200)).body.thumbnailPath)
      await api().get(path).expect(200)
      // Unlisted: listed nowhere, but open by its UUID; not by its numeric id.
      await api().get(`/api/v1/video-playlists/${id}`).set(auth(viewer.token)).expect(403)
    })

    it('lists public playlists on the channel and finds them by name, typos included', async function () {
      const onChannel = (await api().get('/api/v1/video-channels/owner_channel/video-playlists').expect(200)).body
      expect(onChannel.data.map((p: any) => p.displayName)).to.deep.equal([ 'Summer films' ])
      const found = (await api().get('/api/v1/search/video-playlists').query({ search: 'sumer film' }).expect(200)).body
      expect(found.data.map((p: any) => p.uuid)).to.deep.equal([ playlist.uuid ])
      expect(found.data[0].videosLength).to.equal(2)
      const none = (await api().get('/api/v1/search/video-playlists').query({ search: 'drafts' }).expect(200)).body
      expect(none.total).to.equal(0)
    })

    it('deletes a playlist and its elements', async function () {
      await api().delete(`/api/v1/video-playlists/${privatePlaylist.id}`).set(auth(viewer.token)).expect(403)
      await api().delete(`/api/v1/video-playlists/${privatePlaylist.id}`).set(auth(owner.token)).expect(204)
      await api().get(`/api/v1/video-playlists/${privatePlaylist.uuid}`).set(auth(owner.token)).expect(404)
      const rows = await instance.sql('SELECT id FROM "videoPlaylistElement" WHERE "videoPlaylistId" = $1', [ privatePlaylist.id ])
      expect(rows).to.have.length(0)
    })
  })

  describe('Watch history and resume', function () {
    it('records where the viewer stopped and gives it back on the video', async function () {
      await api().put(`/api/v1/videos/${videos.first.uuid}/watching`).set(auth(viewer.token)).send({ currentTime: 2 }).expect(204)
      const video = (await api().get(`/api/v1/videos/${videos.first.uuid}`).set(auth(viewer.token)).expect(200)).body
      expect(video.userHistory).to.deep.equal({ currentTime: 2 })
      const anonymous = (await api().get(`/api/v1/videos/${videos.first.uuid}`).expect(200)).body
      expect(anonymous).to.not.have.property('userHistory')

      const outside = await api().put(`/api/v1/videos/${videos.first.uuid}/watching`).set(auth(viewer.token)).send({ currentTime: 500 }).expect(400)
      expect(outside.body['invalid-params']).to.have.property('currentTime')
    })

    it('lists the history, last watched first, and searches it', async function () {
      await api().post(`/api/v1/videos/${videos.second.uuid}/views`).set(auth(viewer.token)).send({ currentTime: 1 }).expect(204)
      const history = (await api().get('/api/v1/users/me/history/videos').set(auth(viewer.token)).expect(200)).body
      expect(history.data.map((v: any) => [ v.uuid, v.userHistory.currentTime ])).to.deep.equal([ [ videos.second.uuid, 1 ], [ videos.first.uuid, 2 ] ])
      const searched = (await api().get('/api/v1/users/me/history/videos').set(auth(viewer.token)).query({ search: 'first' }).expect(200)).body
      expect(searched.data.map((v: any) => v.uuid)).to.deep.equal([ videos.first.uuid ])
    })

    it('stops recording when the user switches history off, and clears it', async function () {
      await api().put('/api/v1/users/me').set(auth(viewer.token)).send({ videosHistoryEnabled: false }).expect(204)
      await api().put(`/api/v1/videos/${videos.first.uuid}/watching`).set(auth(viewer.token)).send({ currentTime: 0 }).expect(204)
      const video = (await api().get(`/api/v1/videos/${videos.first.uuid}`).set(auth(viewer.token)).expect(200)).body
      expect(video.userHistory.currentTime).to.equal(2)

      await api().delete(`/api/v1/users/me/history/videos/${videos.second.id}`).set(auth(viewer.token)).expect(204)
      await api().delete(`/api/v1/users/me/history/videos/${videos.second.id}`).set(auth(viewer.token)).expect(404)
      expect((await api().get('/api/v1/users/me/history/videos').set(auth(viewer.token)).expect(200)).body.total).to.equal(1)
      await api().post('/api/v1/users/me/history/videos/remove').set(auth(viewer.token)).send({}).expect(204)
      expect((await api().get('/api/v1/users/me/history/videos').set(auth(viewer.token)).expect(200)).body.total).to.equal(0)
    })
  })

  describe('Subscriptions feed and followers', function () {
    it('lists the public videos of the channels the user subscribed to, with the video list\'s sorts', async function () {
      await api().post('/api/v1/users/me/subscriptions').set(auth(viewer.token)).send({ uri: 'owner_channel' }).expect(204)
      const feed = (await api().get('/api/v1/users/me/subscriptions/videos').set(auth(viewer.token)).query({ sort: 'name' }).expect(200)).body
      expect(feed.data.map((v: any) => v.name)).to.deep.equal([ 'First clip', 'Second clip' ])
      const rootFeed = (await api().get('/api/v1/users/me/subscriptions/videos').set(auth(instance.accessToken)).expect(200)).body
      expect(rootFeed.total).to.equal(0)
      const bad = await api().get('/api/v1/users/me/subscriptions/videos').set(auth(viewer.token)).query({ sort: '-nope' }).expect(400)
      expect(bad.body['invalid-params']).to.have.property('sort')
    })

    it('shows the followers of a channel and of an account to their owner only', async function () {
      const followers = (await api().get('/api/v1/video-channels/owner_channel/followers').set(auth(owner.token)).expect(200)).body
      expect(followers.data.map((f: any) => [ f.follower.name, f.state ])).to.deep.equal([ [ 'viewer', 'accepted' ] ])
      const ofAccount = (await api().get('/api/v1/accounts/owner/followers').set(auth(owner.token)).expect(200)).body
      expect(ofAccount.total).to.equal(1)
      await api().get('/api/v1/video-channels/owner_channel/followers').set(auth(viewer.token)).expect(403)
      await api().get('/api/v1/accounts/owner/followers').expect(401)
    })

    it('accepts a channel URL as well as a handle, and refuses anything else by name', async function () {
      await api().delete('/api/v1/users/me/subscriptions/owner_channel').set(auth(viewer.token)).expect(204)
      await api().post('/api/v1/users/me/subscriptions').set(auth(viewer.token)).send({ uri: `${instance.url}/c/owner_channel/videos` }).expect(204)
      expect((await api().get('/api/v1/users/me/subscriptions').set(auth(viewer.token)).expect(200)).body.total).to.equal(1)
      const bad = await api().post('/api/v1/users/me/subscriptions').set(auth(viewer.token)).send({ uri: 'not a handle!' }).expect(400)
      expect(bad.body['invalid-params']).to.have.property('uri')
    })
  })
})
