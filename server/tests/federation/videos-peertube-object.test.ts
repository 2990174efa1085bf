import { expect } from 'chai'
import { fromActivityStreamsDuration } from '../../lib/activitypub/videos/activity-streams-duration.js'
import { parseVideoObject } from '../../lib/activitypub/videos/parse-video-object.js'
import { loadReference } from './shared/reference.js'

// What we keep of a Video object a real PeerTube 6.3 published (the reference document), without any instance.

describe('Reading a PeerTube 6.3 Video object', function () {
  const reference = () => loadReference<Record<string, any>>('ap-video.json')
  const origin = 'http://127.0.0.1:9001'
  const uuid = 'dbdd4a38-4834-483a-a7ff-9f7c15101d37'

  it('takes its metadata, channel and account, and its privacy from the audience', function () {
    const data = parseVideoObject(reference())
    expect(data).to.include({
      url: `${origin}/videos/watch/${uuid}`,
      uuid,
      name: 'Second video (push test)',
      duration: 2,
      description: null,
      nsfw: false,
      commentsPolicy: 1,
      downloadEnabled: true,
      state: 1,
      privacy: 1,
      views: 0,
      aspectRatio: 1.3333,
      channelUrl: `${origin}/video-channels/root_channel`,
      accountUrl: `${origin}/accounts/root`
    })
    expect(data.publishedAt.toISOString()).to.equal('2026-11-21T05:00:09.301Z')
    // Kept to judge later Updates: an older one changes nothing.
    expect(data.originUpdatedAt?.toISOString()).to.equal('2026-11-21T05:00:09.304Z')

    const unlisted = { ...reference(), to: [ `${origin}/accounts/root/followers` ], cc: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
    expect(parseVideoObject(unlisted).privacy).to.equal(2)
  })

  it('takes the web video file with its torrent, info hash and metadata URL', function () {
    const [ file ] = parseVideoObject(reference()).webVideoFiles
    expect(file).to.deep.equal({
      fileUrl: `${origin}/static/web-videos/a1b70913-7379-4a8a-997d-3f2119e2f7ac-240.mp4`,
      extname: '.mp4',
      resolution: 240,
      width: 320,
      height: 240,
      size: 31973,
      fps: 25,
      hasAudio: true,
      hasVideo: true,
      infoHash: '79d8064d4dd99f222b623a05d33ddd3ef998d4f3',
      torrentUrl: `${origin}/lazy-static/torrents/49d5def1-11f4-4117-9abd-e8cbb0b03287-240.torrent`,
      metadataUrl: `${origin}/api/v1/videos/${uuid}/metadata/5`
    })
  })

  it('takes the HLS playlist, its segment hashes, swarm ids and fragmented file', function () {
    const playlist = parseVideoObject(reference()).hlsPlaylist!
    expect(playlist.playlistUrl).to.equal(`${origin}/static/streaming-playlists/hls/${uuid}/8e3b8cd7-9aee-4ec2-9d9e-841dbbe09597-master.m3u8`)
    expect(playlist.segmentsSha256Url).to.equal(`${origin}/static/streaming-playlists/hls/${uuid}/7dc6d27f-8825-4e8a-9629-205c5be32a48-segments-sha256.json`)
    expect(playlist.p2pMediaLoaderInfohashes).to.deep.equal([ '92d3dea021efc85c2746d92944224d968eb76ae6' ])
    expect(playlist.files).to.have.length(1)
    expect(playlist.files[0]).to.include({ resolution: 240, size: 31766, infoHash: 'f7fb2c11f50d0625ec94cfa9211d2f3bf14f5fd7' })
  })

  it('takes the origin\'s trackers and the smallest and largest images as miniature and preview', function () {
    const data = parseVideoObject(reference())
    expect(data.trackers).to.deep.equal([ `${origin}/tracker/announce`, 'ws://127.0.0.1:9001/tracker/socket' ])
    expect(data.thumbnail?.url).to.match(/\/lazy-static\/thumbnails\//)
    expect(data.preview?.url).to.match(/\/lazy-static\/previews\//)

    const withoutTrackerLinks = { ...reference(), url: reference().url.filter((l: any) => !l.rel?.includes('tracker')) }
    expect(parseVideoObject(withoutTrackerLinks).trackers).to.deep.equal([ `${origin}/tracker/announce`, 'ws://127.0.0.1:9001/tracker/socket' ])
  })

  it('refuses a video filed under a channel of another origin, or without uuid or duration', function () {
    const foreignChannel = { ...reference(), attributedTo: [ { type: 'Group', id: 'http://127.0.0.1:9003/video-channels/someone' } ] }
    expect(() => parseVideoObject(foreignChannel)).to.throw(/not on the video's origin/)
    expect(() => parseVideoObject({ ...reference(), uuid: 'nope' })).to.throw(/uuid/)
    expect(() => parseVideoObject({ ...reference(), duration: '2 seconds' })).to.throw(/duration/)
    expect(() => parseVideoObject({ ...reference(), type: 'Note' })).to.throw(/type/)
  })

  it('reads ActivityStreams durations', function () {
    expect(fromActivityStreamsDuration('PT4S')).to.equal(4)
    expect(fromActivityStreamsDuration('PT1H2M3S')).to.equal(3723)
    expect(fromActivityStreamsDuration('PT2.6S')).to.equal(3)
    expect(fromActivityStreamsDuration(4)).to.equal(undefined)
  })
})
