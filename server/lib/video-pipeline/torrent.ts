import createTorrent from 'create-torrent'
import { buildMagnetUri } from '../../helpers/torrent/magnet-uri.js'
import parseTorrent from 'parse-torrent'
import { stat } from 'node:fs/promises'
import { TORRENT } from '../../initializers/constants/transcoding.js'

export { buildMagnetUri }

export interface CreateVideoTorrentOptions {
  filePath: string
  /**
   * Name inside the torrent. Keep the extension: WebTorrent clients pick how to stream a file from it
   * (PeerTube uses "<video name> <resolution>p.mp4", see buildTorrentInfoName).
   */
  name: string
  /** Tracker URLs, each its own tier, in order (PeerTube: the WebSocket tracker, then the HTTP one). */
  announceList: string[]
  /** WebSeed URLs: where the same file is served over HTTP. */
  urlList: string[]
  /** URL the .torrent will be served at: magnet `xs`, so clients fetch metadata over HTTP instead of from peers. */
  torrentUrl?: string
  /** Magnet `dn`; defaults to `name`. PeerTube puts the video's title there. */
  displayName?: string
  createdBy?: string
  /** Fixed date for reproducible files (tests); defaults to now. */
  creationDate?: Date
}

export interface VideoTorrent {
  torrent: Buffer
  infoHash: string
  magnetUri: string
  pieceLength: number
}

/**
 * Builds a public (no `private` flag) single-file torrent for a video file with its WebSeed, parses it back to check it
 * and read its info hash, and builds the magnet link in PeerTube's shape: xs (torrent URL), xt, dn, tr, ws.
 */
export async function createVideoTorrent (options: CreateVideoTorrentOptions): Promise<VideoTorrent> {
  const { size } = await stat(options.filePath)
  const pieceLength = choosePieceLength(size)

  const torrent = await new Promise<Buffer>((resolve, reject) => {
    createTorrent(options.filePath, {
      name: options.name,
      createdBy: options.createdBy ?? TORRENT.CREATED_BY,
      creationDate: options.creationDate,
      // Public torrent: leaving the flag out (as PeerTube does) rather than writing private=0 into the info dict.
      pieceLength,
      announceList: options.announceList.map(url => [ url ]),
      urlList: options.urlList
    }, (err, result) => err ? reject(err) : resolve(Buffer.from(result)))
  })

  const parsed = await parseTorrent(torrent)
  if (!parsed.infoHash || parsed.length !== size) {
    throw new Error(`The torrent built for ${options.filePath} does not describe it (size ${parsed.length} vs ${size})`)
  }

  const magnetUri = buildMagnetUri({
    torrentUrl: options.torrentUrl,
    infoHash: parsed.infoHash,
    displayName: options.displayName ?? options.name,
    trackers: options.announceList,
    webSeeds: options.urlList
  })

  return { torrent, infoHash: parsed.infoHash, magnetUri, pieceLength }
}

/** "<video name> <resolution>p<ext>", without path separators (they would turn the name into folders). */
export function buildTorrentInfoName (videoName: string, resolution: number, extname = '.mp4') {
  return `${videoName.replace(/[\\/]/g, '_')} ${resolution}p${extname}`
}

/** A power of two giving about TARGET_PIECE_COUNT pieces, within the min/max bounds. */
export function choosePieceLength (fileSize: number) {
  const ideal = Math.max(1, fileSize / TORRENT.TARGET_PIECE_COUNT)
  const power = 2 ** Math.round(Math.log2(ideal))

  return Math.min(TORRENT.MAX_PIECE_LENGTH, Math.max(TORRENT.MIN_PIECE_LENGTH, power))
}
