import { expect } from 'chai'
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { decode as decodeMagnet } from 'magnet-uri'
import { buildTorrentInfoName, choosePieceLength, createVideoTorrent, type VideoTorrent } from '../../lib/video-pipeline/torrent.js'
import { decodeTorrent, text, type BValue } from './bencode-reader.js'
import { generateClip, makeTempDir, removeDir } from './fixtures.js'

const HOST = 'http://127.0.0.1:9001'
const WS_TRACKER = 'ws://127.0.0.1:9001/tracker/socket'
const HTTP_TRACKER = `${HOST}/tracker/announce`
const FILE_URL = `${HOST}/static/web-videos/0f1e2d3c-4b5a-6978-8a9b-acbdcedf0011-360.mp4`
const TORRENT_URL = `${HOST}/lazy-static/torrents/a1b2c3d4-e5f6-4789-8abc-def012345678-360.torrent`

describe('Video torrents', function () {
  let dir: string
  let videoPath: string
  let result: VideoTorrent

  before(async function () {
    dir = await makeTempDir('torrent')
    videoPath = await generateClip(join(dir, 'video.mp4'), { width: 640, height: 360, durationSeconds: 3 })

    result = await createVideoTorrent({
      filePath: videoPath,
      name: buildTorrentInfoName('My video (test)', 360),
      displayName: 'My video (test)',
      announceList: [ WS_TRACKER, HTTP_TRACKER ],
      urlList: [ FILE_URL ],
      torrentUrl: TORRENT_URL
    })
  })

  after(async function () {
    await removeDir(dir)
  })

  it('announces to each tracker in its own tier, in the given order', function () {
    const { root } = decodeTorrent(result.torrent)

    expect(text(root.announce)).to.equal(WS_TRACKER)
    const tiers = (root['announce-list'] as BValue[][]).map(tier => tier.map(text))
    expect(tiers).to.deep.equal([ [ WS_TRACKER ], [ HTTP_TRACKER ] ])
  })

  it('points its WebSeed (url-list) at the file served over HTTP', function () {
    const { root } = decodeTorrent(result.torrent)
    const urlList = root['url-list'] as BValue[]
    expect(urlList.map(text)).to.deep.equal([ FILE_URL ])
  })

  it('is a public single-file torrent named after the video and its resolution, with the extension kept', async function () {
    const { root } = decodeTorrent(result.torrent)
    const info = root.info as { [key: string]: BValue }
    const { size } = await stat(videoPath)

    expect(text(info.name)).to.equal('My video (test) 360p.mp4')
    expect(info.length).to.equal(size)
    expect(info).to.not.have.property('private')
    expect(text(root['created by'])).to.equal('Tubeless')
  })

  it('has the info hash of its info dictionary', function () {
    const { infoBytes } = decodeTorrent(result.torrent)
    expect(result.infoHash).to.equal(createHash('sha1').update(infoBytes).digest('hex'))
  })

  it('describes the file content: every piece hash matches the bytes on disk', async function () {
    const { root } = decodeTorrent(result.torrent)
    const info = root.info as { [key: string]: BValue }
    const pieceLength = info['piece length'] as number
    const pieces = info.pieces as Buffer
    const file = await readFile(videoPath)

    expect(pieceLength).to.equal(result.pieceLength)
    expect(pieces.length / 20).to.equal(Math.ceil(file.length / pieceLength))
    for (let i = 0; i * pieceLength < file.length; i++) {
      const hash = createHash('sha1').update(file.subarray(i * pieceLength, (i + 1) * pieceLength)).digest()
      expect(hash.equals(pieces.subarray(i * 20, i * 20 + 20)), `piece ${i}`).to.equal(true)
    }
  })

  it('builds a magnet link in PeerTube\'s shape: xs, xt, dn, tr, ws', function () {
    expect(result.magnetUri).to.match(/^magnet:\?xs=[^&]+&xt=urn:btih:[0-9a-f]{40}&dn=[^&]+&tr=[^&]+&tr=[^&]+&ws=[^&]+$/)
    expect(result.magnetUri).to.contain('&dn=My+video+(test)&')

    const magnet = decodeMagnet(result.magnetUri)
    expect(magnet.xs).to.equal(TORRENT_URL)
    expect(magnet.infoHash).to.equal(result.infoHash)
    expect(magnet.announce).to.deep.equal([ WS_TRACKER, HTTP_TRACKER ])
    expect(magnet.urlList).to.deep.equal([ FILE_URL ])
  })

  it('picks about a thousand pieces, as a power of two between 16 KiB and 4 MiB', function () {
    expect(choosePieceLength(1_000)).to.equal(16 * 1024)
    expect(choosePieceLength(40 * 1024 * 1024)).to.equal(32 * 1024)
    expect(choosePieceLength(1024 * 1024 * 1024)).to.equal(1024 * 1024)
    expect(choosePieceLength(100 * 1024 * 1024 * 1024)).to.equal(4 * 1024 * 1024)
  })

  it('keeps path separators out of the name', function () {
    expect(buildTorrentInfoName('a/b\\c', 720)).to.equal('a_b_c 720p.mp4')
  })
})
