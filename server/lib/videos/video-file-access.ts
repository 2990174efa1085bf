import { isOutageError } from '../../helpers/outage-errors.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { VideoFileModel } from '../../models/video/video-file.js'
import { VideoModel } from '../../models/video/video.js'
import { isPrivateFolderVideo } from '../video-paths.js'

/**
 * Which folder a local video's files belong in, as its row says: the static routes serve a file only through the
 * route of that folder (public or private), whatever the disk holds while a move is under way. Answers are kept
 * a few seconds (media requests come in bursts of ranges); a privacy change or a move drops them at once.
 */

export type FolderVerdict = { uuid: string, isPrivate: boolean } | 'unknown-video' | 'database-unavailable'

const FOLDER_TTL_MS = 5_000
const MAX_ENTRIES = 20_000

const folderByUuid = new Map<string, { isPrivate: boolean | null, expires: number }>()
// File names are fresh UUIDs, never reused: the video a name belongs to never changes.
const uuidByWebVideoFilename = new Map<string, string>()

export async function webVideoFileFolder (filename: string): Promise<FolderVerdict> {
  try {
    let uuid = uuidByWebVideoFilename.get(filename)
    if (!uuid) {
      const file = await VideoFileModel.findOne({
        where: { filename },
        attributes: [ 'id' ],
        include: [ { model: VideoModel, required: true, attributes: [ 'uuid' ], where: { remote: false } } ]
      }) as (VideoFileModel & { Video?: VideoModel }) | null
      uuid = file?.Video?.uuid ?? await OutboxEntryModel.findRetiredWebVideoOwner(filename)
      if (!uuid) return 'unknown-video'
      remember(uuidByWebVideoFilename, filename, uuid)
    }
    return await videoFolder(uuid)
  } catch (err) {
    if (isOutageError(err)) return 'database-unavailable'
    throw err
  }
}

export async function hlsVideoFolder (uuid: string): Promise<FolderVerdict> {
  try {
    return await videoFolder(uuid)
  } catch (err) {
    if (isOutageError(err)) return 'database-unavailable'
    throw err
  }
}

/** Forgets what is known of this video's folder (its privacy changed, its files moved, it was deleted). */
export function invalidateVideoFileAccess (uuid: string) {
  folderByUuid.delete(uuid)
}

async function videoFolder (uuid: string): Promise<FolderVerdict> {
  const cached = folderByUuid.get(uuid)
  if (cached && cached.expires > Date.now()) return cached.isPrivate === null ? 'unknown-video' : { uuid, isPrivate: cached.isPrivate }

  const video = await VideoModel.findOne({ where: { uuid, remote: false }, attributes: [ 'id', 'uuid', 'privacy' ] })
  const isPrivate = video ? isPrivateFolderVideo(video) : null
  remember(folderByUuid, uuid, { isPrivate, expires: Date.now() + FOLDER_TTL_MS })
  return isPrivate === null ? 'unknown-video' : { uuid, isPrivate }
}

function remember<V> (map: Map<string, V>, key: string, value: V) {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string)
  map.set(key, value)
}
