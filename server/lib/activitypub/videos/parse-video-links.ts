import { basename } from 'node:path'
import { decode as decodeMagnetUri } from 'magnet-uri'
import { AP_LINK_MEDIA_TYPES, AP_VIDEO_FILE_MEDIA_TYPES, REMOTE_VIDEOS } from '../../../initializers/constants/video-federation.js'
import { isObject } from '../activity-types.js'
import { urlOrigin } from '../ownership.js'

// Files, HLS playlist and trackers of a remote Video, read from its `url` Links (PeerTube's layout: each file
// Link followed by its metadata, torrent and magnet Links, matched by height; the HLS playlist's own files in
// its `tag`).

export interface RemoteFileData {
  fileUrl: string
  extname: string
  resolution: number
  width: number | null
  height: number | null
  size: number
  fps: number
  hasAudio: boolean
  hasVideo: boolean
  torrentUrl: string | null
  infoHash: string | null
  metadataUrl: string | null
}

export interface RemotePlaylistData {
  playlistUrl: string
  segmentsSha256Url: string | null
  p2pMediaLoaderInfohashes: string[]
  files: RemoteFileData[]
}

type Link = Record<string, unknown>

const INFO_HASH = /^[0-9a-f]{40}$/i

export function isHttpUrl (value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2000 && urlOrigin(value) !== undefined
}

function isTrackerUrl (value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000) return false
  try {
    return [ 'http:', 'https:', 'ws:', 'wss:' ].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function nonNegativeInt (value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null
}

function links (value: unknown): Link[] {
  return (Array.isArray(value) ? value : [ value ]).filter(isObject)
}

function relOf (link: Link): string[] {
  return Array.isArray(link.rel) ? link.rel.filter((r): r is string => typeof r === 'string') : []
}

function isFileLink (link: Link) {
  return typeof link.mediaType === 'string' && AP_VIDEO_FILE_MEDIA_TYPES[link.mediaType] !== undefined &&
    relOf(link).length === 0 && isHttpUrl(link.href)
}

function parseMagnet (href: unknown) {
  if (typeof href !== 'string' || !href.startsWith('magnet:') || href.length > 5000) return undefined
  try {
    const magnet = decodeMagnetUri(href)
    const infoHash = typeof magnet.infoHash === 'string' && INFO_HASH.test(magnet.infoHash) ? magnet.infoHash.toLowerCase() : undefined
    const xs = Array.isArray(magnet.xs) ? magnet.xs[0] : magnet.xs
    return {
      infoHash,
      torrentUrl: isHttpUrl(xs) ? xs : undefined,
      trackers: (magnet.announce ?? []).filter(isTrackerUrl),
      webSeeds: magnet.urlList ?? []
    }
  } catch {
    return undefined
  }
}

function codecHints (link: Link) {
  const hints = Array.isArray(link.attachment)
    ? link.attachment.filter(a => isObject(a) && a.name === 'ffprobe_codec_type').map(a => (a as Link).value)
    : []
  if (hints.length === 0) return undefined
  return { hasAudio: hints.includes('audio'), hasVideo: hints.includes('video') }
}

/** The files among `candidates` (a video's `url`, or an HLS playlist's `tag`) with their torrent and magnet. */
function parseFiles (candidates: Link[]): RemoteFileData[] {
  const magnets = candidates.filter(l => l.mediaType === AP_LINK_MEDIA_TYPES.MAGNET).map(l => ({ link: l, magnet: parseMagnet(l.href) }))
  const torrents = candidates.filter(l => l.mediaType === AP_LINK_MEDIA_TYPES.TORRENT && isHttpUrl(l.href))
  const metadata = candidates.filter(l => relOf(l).includes('metadata') && isHttpUrl(l.href))

  const files: RemoteFileData[] = []
  for (const link of candidates.filter(isFileLink).slice(0, REMOTE_VIDEOS.MAX_FILES)) {
    const href = link.href as string
    const height = nonNegativeInt(link.height)
    const width = nonNegativeInt(link.width)
    const size = nonNegativeInt(link.size)
    if (height === null || size === null) continue

    const sameHeight = (l: Link) => nonNegativeInt(l.height) === height
    const magnet = magnets.find(m => m.magnet?.webSeeds.includes(href)) ?? magnets.find(m => sameHeight(m.link))
    const torrentLink = torrents.find(sameHeight)
    const metadataLink = metadata.find(l => sameHeight(l) && relOf(l).includes(link.mediaType as string))
    const hints = codecHints(link)

    files.push({
      fileUrl: href,
      extname: AP_VIDEO_FILE_MEDIA_TYPES[link.mediaType as string],
      resolution: width !== null && width > 0 && height > 0 ? Math.min(width, height) : height,
      width,
      height,
      size,
      fps: nonNegativeInt(link.fps) ?? -1,
      hasAudio: hints?.hasAudio ?? true,
      hasVideo: hints?.hasVideo ?? height !== 0,
      infoHash: magnet?.magnet?.infoHash ?? null,
      torrentUrl: magnet?.magnet?.torrentUrl ?? (torrentLink ? torrentLink.href as string : null),
      metadataUrl: metadataLink ? metadataLink.href as string : null
    })
  }

  // One file per resolution (the table's rule): the first Link wins.
  return files.filter((file, i) => files.findIndex(f => f.resolution === file.resolution) === i)
}

export function parseWebVideoFiles (url: unknown) {
  return parseFiles(links(url))
}

export function parseHlsPlaylist (url: unknown, options: { allowNoFiles?: boolean } = {}): RemotePlaylistData | undefined {
  const playlist = links(url).find(l => l.mediaType === AP_LINK_MEDIA_TYPES.HLS && isHttpUrl(l.href))
  if (!playlist) return undefined

  const tag = links(playlist.tag)
  const sha256 = tag.find(t => t.type === 'Link' && t.name === 'sha256' && t.mediaType === AP_LINK_MEDIA_TYPES.JSON && isHttpUrl(t.href))
  const files = parseFiles(tag)
  // A live's playlist lists no files: its segments are in its media playlists.
  if (files.length === 0 && !options.allowNoFiles) return undefined

  return {
    playlistUrl: playlist.href as string,
    segmentsSha256Url: sha256 ? sha256.href as string : null,
    p2pMediaLoaderInfohashes: tag
      .filter(t => t.type === 'Infohash' && typeof t.name === 'string' && INFO_HASH.test(t.name))
      .map(t => (t.name as string).toLowerCase())
      .slice(0, REMOTE_VIDEOS.MAX_FILES),
    files
  }
}

/**
 * The origin's trackers: its `tracker` Links, else those its magnets announce to (as PeerTube: peers of a remote
 * video meet on its origin's tracker).
 */
export function parseTrackers (url: unknown) {
  const all = links(url)
  const fromLinks = all.filter(l => relOf(l).includes('tracker') && isTrackerUrl(l.href)).map(l => l.href as string)
  if (fromLinks.length !== 0) return [ ...new Set(fromLinks) ].slice(0, REMOTE_VIDEOS.MAX_TRACKERS)

  const playlistTags = all.filter(l => l.mediaType === AP_LINK_MEDIA_TYPES.HLS).flatMap(l => links(l.tag))
  const fromMagnets = [ ...all, ...playlistTags ]
    .filter(l => l.mediaType === AP_LINK_MEDIA_TYPES.MAGNET)
    .flatMap(l => parseMagnet(l.href)?.trackers ?? [])
  return [ ...new Set(fromMagnets) ].slice(0, REMOTE_VIDEOS.MAX_TRACKERS)
}

/** File name for a remote URL's row: ours, never the remote's choice (names are unique across all videos). */
export function remoteFileName (videoUuid: string, kind: string, resolution: number, extname: string) {
  return `remote-${videoUuid}-${resolution}${kind}${extname}`
}

export function urlBasename (url: string) {
  try {
    return basename(new URL(url).pathname)
  } catch {
    return ''
  }
}
