import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../../shared/models/playlists.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { REMOTE_PLAYLIST_MAX_ELEMENTS, VIDEO_PLAYLIST_CONSTRAINTS } from '../../../initializers/constants/playlists.js'
import { loadChannelByActorId } from '../../../models/actor/queries/actor-queries.js'
import { VideoPlaylistElementModel } from '../../../models/video/video-playlist-element.js'
import { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import { generateImageFilename } from '../../video-pipeline/file-names.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { getObjectId, isObject } from '../activity-types.js'
import { readCollectionItemIds } from '../collections/read-collection.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isLocalUrl } from '../local-urls.js'
import { isSameOrigin } from '../ownership.js'
import { hasPublicAudience } from '../videos/audience.js'
import { getOrFetchRemoteVideo } from '../videos/get-remote-video.js'

const log = loggerWithTags('activitypub', 'playlists')

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export class InvalidPlaylistObjectError extends Error {
  constructor (url: string, reason: string) {
    super(`Invalid Playlist object ${url}: ${reason}`)
    this.name = 'InvalidPlaylistObjectError'
  }
}

export function isPlaylistObject (object: unknown): object is Record<string, unknown> {
  return isObject(object) && object.type === 'Playlist'
}

function validDate (value: unknown) {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined
}

/** The fields we keep of a Playlist object, checked as PeerTube checks them. */
function parsePlaylistObject (object: Record<string, unknown>, audienceTo?: unknown) {
  const url = String(object.id)
  const name = typeof object.name === 'string' ? object.name.trim() : ''
  if (name.length < VIDEO_PLAYLIST_CONSTRAINTS.NAME.min || name.length > VIDEO_PLAYLIST_CONSTRAINTS.NAME.max) throw new InvalidPlaylistObjectError(url, 'bad name')
  const uuid = typeof object.uuid === 'string' ? object.uuid : typeof object.identifier === 'string' ? object.identifier : ''
  if (!UUID.test(uuid)) throw new InvalidPlaylistObjectError(url, 'bad uuid')
  const published = validDate(object.published)
  const updated = validDate(object.updated)
  if (!published || !updated) throw new InvalidPlaylistObjectError(url, 'bad dates')
  const attributedTo = Array.isArray(object.attributedTo) ? object.attributedTo.map(getObjectId).filter((v): v is string => !!v) : []
  if (attributedTo.length !== 1) throw new InvalidPlaylistObjectError(url, 'it must be attributed to one channel')
  const content = typeof object.content === 'string' ? object.content.slice(0, VIDEO_PLAYLIST_CONSTRAINTS.DESCRIPTION.max) : null
  const icon = isObject(object.icon) && typeof object.icon.url === 'string' && isSameOrigin(object.icon.url, url) ? object.icon.url : null

  return {
    url,
    name,
    uuid: uuid.toLowerCase(),
    description: content && content.length >= VIDEO_PLAYLIST_CONSTRAINTS.DESCRIPTION.min ? content : null,
    privacy: hasPublicAudience(audienceTo ?? object.to) ? VideoPlaylistPrivacy.PUBLIC : VideoPlaylistPrivacy.UNLISTED,
    channelUrl: attributedTo[0],
    icon,
    published,
    updated
  }
}

/**
 * Creates or replaces our copy of a remote playlist from its Playlist object (authenticated by the caller: inline
 * in an activity of its origin, or fetched there): the playlist, then its elements, each read from the origin
 * with its video (fetched when unknown). Elements whose video cannot be had are skipped.
 */
export async function upsertRemotePlaylist (object: Record<string, unknown>, audienceTo?: unknown) {
  const data = parsePlaylistObject(object, audienceTo)
  if (isLocalUrl(data.url)) throw new InvalidPlaylistObjectError(data.url, 'a remote document claims one of our URLs')
  if (!isSameOrigin(data.channelUrl, data.url)) throw new InvalidPlaylistObjectError(data.url, 'its channel lives elsewhere')

  const channelActor = await getOrCreateActorByUrl(data.channelUrl)
  const channel = channelActor.type === 'Group' ? await loadChannelByActorId(channelActor.id) : null
  if (!channel || channelActor.isLocal()) throw new InvalidPlaylistObjectError(data.url, `${data.channelUrl} is not a remote channel`)

  const elements: { url: string, position: number, startTimestamp: number | null, stopTimestamp: number | null, videoId: number }[] = []
  for (const elementUrl of await readCollectionItemIds(object, { max: REMOTE_PLAYLIST_MAX_ELEMENTS })) {
    try {
      const element = (await fetchRemoteObject(elementUrl)).body
      const videoUrl = typeof element.url === 'string' ? element.url : undefined
      if (element.type !== 'PlaylistElement' || !videoUrl || !Number.isInteger(element.position)) continue
      const video = await getOrFetchRemoteVideo(videoUrl)
      if (!video) continue
      const stamp = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? value as number : null)
      elements.push({ url: elementUrl, position: element.position as number, startTimestamp: stamp(element.startTimestamp), stopTimestamp: stamp(element.stopTimestamp), videoId: video.id })
    } catch (err) {
      log.info(`Cannot read element ${elementUrl} of playlist ${data.url}: ${(err as Error).message}`)
    }
  }
  elements.sort((a, b) => a.position - b.position)

  return unitOfWork(async () => {
    const existing = await VideoPlaylistModel.findOne({ where: { url: data.url }, lock: true })
    if (existing && !existing.remote) throw new InvalidPlaylistObjectError(data.url, 'it is one of ours')
    if (!existing && await VideoPlaylistModel.count({ where: { uuid: data.uuid } }) !== 0) throw new InvalidPlaylistObjectError(data.url, 'its uuid is taken')
    // An object older than the state we hold (an old Update signed anew, or late) changes nothing; an equal one is
    // applied (it is read whole again, so a repeat is harmless).
    if (existing?.originUpdatedAt && data.updated.getTime() < existing.originUpdatedAt.getTime()) {
      log.info(`Remote playlist ${data.url}: object of ${data.updated.toISOString()} older than our copy, ignored`)
      return existing.update({ lastFetchedAt: new Date() }, { silent: true })
    }

    const iconChanged = (existing?.thumbnailUrl ?? null) !== data.icon
    const values = {
      name: data.name,
      description: data.description,
      privacy: data.privacy,
      ownerAccountId: channel.accountId as number,
      videoChannelId: channel.id,
      thumbnailUrl: data.icon,
      lastFetchedAt: new Date(),
      originUpdatedAt: data.updated,
      createdAt: data.published,
      updatedAt: data.updated,
      ...(iconChanged ? { thumbnailFilename: data.icon ? generateImageFilename() : null, thumbnailOnDisk: false } : {})
    }
    const playlist = existing
      ? await existing.update(values, { silent: true })
      : await VideoPlaylistModel.create({ ...values, uuid: data.uuid, url: data.url, remote: true, type: VideoPlaylistType.REGULAR })

    await VideoPlaylistElementModel.destroy({ where: { videoPlaylistId: playlist.id } })
    // Positions as the origin orders them, renumbered 1..n (ours stay without gaps).
    await VideoPlaylistElementModel.bulkCreate(elements.map((element, index) => ({ ...element, position: index + 1, videoPlaylistId: playlist.id })))
    log.info(`${existing ? 'Updated' : 'Stored'} remote playlist ${data.url} with ${elements.length} elements`)
    return playlist
  })
}

export async function fetchAndStoreRemotePlaylist (url: string) {
  const { body } = await fetchRemoteObject(url)
  if (!isPlaylistObject(body)) return undefined
  return upsertRemotePlaylist(body)
}
