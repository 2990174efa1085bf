import { createHash } from 'node:crypto'
import { open, readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { formatRangeKey, parseMediaPlaylist } from './hls-media-playlist.js'

/**
 * PeerTube's `segments-sha256.json`: for each fragmented MP4 (keyed by file name), the SHA-256 (hex) of every media
 * segment, keyed by its inclusive byte range "start-end". p2p-media-loader checks segments received from peers
 * against it. The init section is not listed (it is never exchanged between peers).
 */
export type SegmentsSha256 = Record<string, Record<string, string>>

export interface HlsFilePair {
  playlistPath: string
  videoPath: string
}

export async function buildSegmentsSha256 (renditions: HlsFilePair[]): Promise<SegmentsSha256> {
  const json: SegmentsSha256 = {}

  for (const { playlistPath, videoPath } of renditions) {
    const playlist = parseMediaPlaylist(await readFile(playlistPath, 'utf8'))
    const hashes: Record<string, string> = {}

    const file = await open(videoPath, 'r')
    try {
      for (const segment of playlist.segments) {
        const buffer = Buffer.alloc(segment.length)
        const { bytesRead } = await file.read(buffer, 0, segment.length, segment.offset)
        if (bytesRead !== segment.length) {
          throw new Error(`${videoPath} is shorter than its playlist says (range ${formatRangeKey(segment)})`)
        }

        hashes[formatRangeKey(segment)] = createHash('sha256').update(buffer).digest('hex')
      }
    } finally {
      await file.close()
    }

    json[basename(videoPath)] = hashes
  }

  return json
}

export async function writeSegmentsSha256 (outputPath: string, json: SegmentsSha256) {
  await writeFile(outputPath, JSON.stringify(json))
}
