import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VideoFileStorage } from '../../../shared/models/videos.js'
import { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import type { VideoFileModel } from '../../models/video/video-file.js'
import type { VideoModel } from '../../models/video/video.js'
import { readObject, uploadBuffer } from '../object-storage/object-storage-files.js'
import { generateTorrentFilename, rewriteTorrentWebSeeds, torrentWebSeeds } from '../video-pipeline/index.js'
import { hlsFileUrl, torrentsDir, webVideoFileUrl } from '../video-paths.js'

// A torrent's WebSeeds follow its file: where the file is served (our folders, or the bucket) and, for web videos,
// the mirrors whose copies we checked. A change writes a new torrent under a new name (torrent files are cached as
// immutable); the info hash stays the same.

/** Where the file is served, then the verified mirrors of it (web videos only: HLS mirrors are base URLs). */
export async function webSeedsOf (video: VideoModel, file: VideoFileModel, storage = file.storage) {
  const primary = file.isHls() ? hlsFileUrl(video, file.filename, null, storage) : webVideoFileUrl(video, { filename: file.filename, fileUrl: file.fileUrl, storage })
  if (file.isHls()) return [ primary ]
  const mirrors = await VideoRedundancyModel.findAll({ where: { videoFileId: file.id, state: 'verified' }, attributes: [ 'fileUrl' ] })
  return [ primary, ...mirrors.map(m => m.fileUrl).filter(url => url !== primary) ]
}

export async function readTorrentFile (file: Pick<VideoFileModel, 'torrentFilename' | 'storage'>) {
  if (!file.torrentFilename) return undefined
  if (file.storage === VideoFileStorage.OBJECT_STORAGE) {
    const object = await readObject('torrents', file.torrentFilename)
    if (!object) return undefined
    const chunks: Buffer[] = []
    for await (const chunk of object.body) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  return readFile(join(torrentsDir(), file.torrentFilename)).catch(() => undefined)
}

/**
 * Writes the file's torrent again, with the WebSeeds it should have once stored in `storage`, under a new name in
 * that storage; sets `file.torrentFilename` (the caller saves the row and removes the previous torrent, whose
 * name is returned). Nothing is written when the seeds are already right and the storage the same.
 */
export async function reseedTorrent (video: VideoModel, file: VideoFileModel, storage: number) {
  const current = await readTorrentFile(file)
  if (!current) return undefined
  const seeds = await webSeedsOf(video, file, storage)
  if (storage === file.storage && sameList(torrentWebSeeds(current), seeds)) return undefined

  const previous = { filename: file.torrentFilename!, storage: file.storage }
  const filename = generateTorrentFilename(file.resolution, file.isHls() ? 'hls' : 'web-video')
  const torrent = rewriteTorrentWebSeeds(current, seeds)
  if (storage === VideoFileStorage.OBJECT_STORAGE) {
    await uploadBuffer('torrents', filename, torrent, { isPrivate: false, contentType: 'application/x-bittorrent' })
  } else {
    await mkdir(torrentsDir(), { recursive: true })
    await writeFile(join(torrentsDir(), filename), torrent)
  }
  file.torrentFilename = filename
  return previous
}

function sameList (a: string[], b: string[]) {
  return a.length === b.length && a.every((value, i) => value === b[i])
}
