import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'

// File names as PeerTube 6.3 gives them (see its REST `files[]` / `streamingPlaylists[]` and AP `url[]`): every
// file gets a fresh random UUID, so a re-transcoded file never reuses a URL a cache or a peer may still hold.
// The HLS files live in a folder named after the video's UUID; a resolution playlist shares its video file's UUID.

export function generateWebVideoFilename (resolution: number, extname = '.mp4') {
  return `${randomUUID()}-${resolution}${extname}`
}

export function generateHlsVideoFilename (resolution: number) {
  return `${randomUUID()}-${resolution}-fragmented.mp4`
}

/** `<uuid>-<res>-fragmented.mp4` -> `<uuid>-<res>.m3u8` */
export function getHlsResolutionPlaylistFilename (hlsVideoFilename: string) {
  return basename(hlsVideoFilename).replace(/-fragmented\.mp4$/, '') + '.m3u8'
}

export function generateHlsMasterPlaylistFilename () {
  return `${randomUUID()}-master.m3u8`
}

export function generateHlsSha256SegmentsFilename () {
  return `${randomUUID()}-segments-sha256.json`
}

/** Web-video torrents are `<uuid>-<res>.torrent`, HLS ones `<uuid>-<res>-hls.torrent`. */
export function generateTorrentFilename (resolution: number, kind: 'web-video' | 'hls') {
  return `${randomUUID()}-${resolution}${kind === 'hls' ? '-hls' : ''}.torrent`
}

/** Thumbnails and previews are `<uuid>.jpg`, each in its own folder. */
export function generateImageFilename (extname = '.jpg') {
  return `${randomUUID()}${extname}`
}
