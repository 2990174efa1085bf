import { VideoPlaylistPrivacy } from '../../../shared/models/playlists.js'
import { VIDEO_PLAYLIST_CONSTRAINTS } from '../../initializers/constants/playlists.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { AddPlaylistElementInput } from './types.js'
import { VideoPlaylistElementModel } from '../../models/video/video-playlist-element.js'
import type { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { badRequest, invalidField, notFound } from '../http-problems/http-problem.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { loadVisibleVideo } from '../videos/video-loader.js'
import { RESTRICTED_VIDEO_PRIVACIES, refreshThumbnailAfterCommit } from './manage-playlists.js'
import { recordPlaylistChanged } from './playlist-events.js'
import { localPlaylistElementUrl } from './playlist-urls.js'

interface Timestamps {
  startTimestamp?: number | null
  stopTimestamp?: number | null
}

/** Start and stop must lie within the video, start before stop; each error names its field. */
function checkTimestamps (video: Pick<VideoModel, 'duration'>, values: Timestamps) {
  const start = values.startTimestamp ?? null
  const stop = values.stopTimestamp ?? null
  if (start !== null && start >= video.duration) {
    throw invalidField('body', 'startTimestamp', `Should be before the end of the video (${video.duration} s)`, start)
  }
  if (stop !== null && stop > video.duration) {
    throw invalidField('body', 'stopTimestamp', `Should be within the video (at most ${video.duration} s)`, stop)
  }
  if (start !== null && stop !== null && stop <= start) {
    throw invalidField('body', 'stopTimestamp', 'Should be after startTimestamp', stop)
  }
}

async function touch (playlist: VideoPlaylistModel) {
  playlist.changed('updatedAt', true)
  await playlist.save()
}

export async function addPlaylistElement (playlist: VideoPlaylistModel, user: AuthenticatedUser, body: AddPlaylistElementInput) {
  const video = await loadVisibleVideo(String(body.videoId), user, 'summary').catch(err => {
    if ((err as { status?: number }).status === 404) throw invalidField('body', 'videoId', 'Should be a video you can see', body.videoId)
    throw err
  })
  if (playlist.privacy !== VideoPlaylistPrivacy.PRIVATE && RESTRICTED_VIDEO_PRIVACIES.includes(video.privacy)) {
    throw invalidField('body', 'videoId', 'A private or internal video cannot be added to a public or unlisted playlist', body.videoId)
  }
  checkTimestamps(video, body)
  if (await VideoPlaylistElementModel.countOf(playlist.id) >= VIDEO_PLAYLIST_CONSTRAINTS.MAX_ELEMENTS) {
    throw badRequest(`A playlist holds at most ${VIDEO_PLAYLIST_CONSTRAINTS.MAX_ELEMENTS} videos`)
  }

  return unitOfWork(async () => {
    await VideoPlaylistElementModel.sequelize!.query('SELECT 1 FROM "videoPlaylist" WHERE "id" = :id FOR UPDATE', { replacements: { id: playlist.id } })
    const element = await VideoPlaylistElementModel.create({
      position: await VideoPlaylistElementModel.nextPositionOf(playlist.id),
      startTimestamp: body.startTimestamp ?? null,
      stopTimestamp: body.stopTimestamp ?? null,
      videoPlaylistId: playlist.id,
      videoId: video.id
    })
    await element.update({ url: localPlaylistElementUrl(playlist.uuid, element.id) })
    await touch(playlist)
    await recordPlaylistChanged(playlist)
    if (element.position === 1) refreshThumbnailAfterCommit(playlist.id)
    return element
  })
}

async function loadElement (playlist: VideoPlaylistModel, elementId: number) {
  const element = await VideoPlaylistElementModel.findOne({
    where: { id: elementId, videoPlaylistId: playlist.id },
    include: [ { model: VideoModel, required: false, attributes: [ 'id', 'duration', 'privacy' ] } ]
  })
  if (!element) throw notFound('Video playlist element not found')
  return element
}

export async function updatePlaylistElement (playlist: VideoPlaylistModel, elementId: number, body: Timestamps) {
  const element = await loadElement(playlist, elementId)
  const next = {
    startTimestamp: body.startTimestamp === undefined ? element.startTimestamp : body.startTimestamp,
    stopTimestamp: body.stopTimestamp === undefined ? element.stopTimestamp : body.stopTimestamp
  }
  if (element.Video) checkTimestamps(element.Video, next)

  await unitOfWork(async () => {
    await element.update(next)
    await touch(playlist)
    await recordPlaylistChanged(playlist)
  })
}

export async function removePlaylistElement (playlist: VideoPlaylistModel, elementId: number) {
  const element = await loadElement(playlist, elementId)
  await unitOfWork(async () => {
    await element.destroy()
    await VideoPlaylistElementModel.shiftPositions(playlist.id, element.position + 1, null, -1)
    await touch(playlist)
    await recordPlaylistChanged(playlist)
    if (element.position === 1) refreshThumbnailAfterCommit(playlist.id)
  })
}

/**
 * PeerTube's reorder: the `reorderLength` elements from `startPosition` move after `insertAfterPosition` (0: to
 * the front). Positions stay 1..n without gaps.
 */
export async function reorderPlaylistElements (playlist: VideoPlaylistModel, body: { startPosition: number, insertAfterPosition: number, reorderLength?: number }) {
  const length = body.reorderLength ?? 1

  await unitOfWork(async () => {
    const elements = await VideoPlaylistElementModel.findAll({ where: { videoPlaylistId: playlist.id }, order: [ [ 'position', 'ASC' ], [ 'id', 'ASC' ] ], lock: true })
    const last = elements.length
    if (body.startPosition > last) throw invalidField('body', 'startPosition', `Should be within the playlist (max: ${last})`, body.startPosition)
    if (body.insertAfterPosition > last) throw invalidField('body', 'insertAfterPosition', `Should be within the playlist (max: ${last})`, body.insertAfterPosition)
    if (body.startPosition + length - 1 > last) {
      throw invalidField('body', 'reorderLength', `Should fit in the playlist from startPosition (max: ${last - body.startPosition + 1})`, length)
    }

    const start = body.startPosition - 1
    const moved = elements.slice(start, start + length)
    const rest = [ ...elements.slice(0, start), ...elements.slice(start + length) ]
    // insertAfterPosition counts positions before the move: the moved block leaves its place first.
    const after = body.insertAfterPosition >= body.startPosition + length ? body.insertAfterPosition - length : Math.min(body.insertAfterPosition, start)
    rest.splice(after, 0, ...moved)

    for (const [ index, element ] of rest.entries()) {
      if (element.position !== index + 1) await element.update({ position: index + 1 })
    }
    await touch(playlist)
    await recordPlaylistChanged(playlist)
    if (rest[0]?.id !== elements[0]?.id) refreshThumbnailAfterCommit(playlist.id)
  })
}
