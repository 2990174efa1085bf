import { VideoPlaylistPrivacy } from '../../../shared/models/playlists.js'
import { UserRight } from '../../../shared/models/users.js'
import { toFullUuid } from '../../helpers/uuid.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { listMutedAccountIds } from '../../models/moderation/queries/video-moderation-filters.js'
import type { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import type { VideoModel } from '../../models/video/video.js'
import { loadPlaylistWithLength } from '../../models/video/queries/playlist-list-query.js'
import { forbidden, notFound, unauthorized } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { REMOTE_PLAYLIST_REFRESH_AFTER_MS } from '../../initializers/constants/playlists.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { blockingAccountIdsFor } from '../moderation/blocklist/viewer-filters.js'
import { outsideUnitOfWork } from '../unit-of-work/unit-of-work.js'
import { canSeeVideo, isVideoOwner } from '../videos/video-access.js'

export function isPlaylistOwner (playlist: Pick<VideoPlaylistModel, 'ownerAccountId' | 'remote'>, user: AuthenticatedUser | undefined) {
  return !!user && !playlist.remote && playlist.ownerAccountId === user.Account.id
}

/** `id` is a numeric id, a UUID or a short UUID. */
export async function loadPlaylist (id: string) {
  if (/^\d+$/.test(id)) return loadPlaylistWithLength({ id: parseInt(id, 10) })
  const uuid = toFullUuid(id)
  return uuid ? loadPlaylistWithLength({ uuid }) : null
}

/**
 * The playlist if this user may see it: public ones anyone, unlisted ones anyone with the UUID (by numeric id,
 * which can be walked, their owner only), private ones their owner. 404 / 401 / 403 as for videos.
 */
export async function loadVisiblePlaylist (id: string, user: AuthenticatedUser | undefined) {
  const playlist = await loadPlaylist(id)
  if (!playlist) throw notFound('Video playlist not found')
  scheduleRemotePlaylistRefreshIfStale(playlist)
  if (isPlaylistOwner(playlist, user)) return playlist

  const byNumericId = /^\d+$/.test(id)
  if (playlist.privacy === VideoPlaylistPrivacy.PUBLIC) return playlist
  if (playlist.privacy === VideoPlaylistPrivacy.UNLISTED && !byNumericId) return playlist
  if (!user) throw unauthorized('Cannot get this private video playlist: log in')
  throw forbidden('Cannot get this private video playlist.', ProblemCode.NOT_ALLOWED)
}

/** Only its owner changes a playlist; moderators may also delete one (REMOVE_ANY_VIDEO). */
export async function loadManageablePlaylist (id: string, user: AuthenticatedUser, action: 'update' | 'delete' = 'update') {
  const playlist = await loadPlaylist(id)
  if (!playlist) throw notFound('Video playlist not found')
  if (playlist.remote && action === 'update') throw forbidden('Cannot manage video playlist of another server.', ProblemCode.NOT_ALLOWED)
  if (!isPlaylistOwner(playlist, user) && !(action === 'delete' && user.hasRight(UserRight.REMOVE_ANY_VIDEO))) {
    throw forbidden('Cannot manage video playlist of another user', ProblemCode.NOT_ALLOWED)
  }
  return playlist
}

/** A remote playlist read long ago is read again in the background (one job per playlist, however many ask). */
export function scheduleRemotePlaylistRefreshIfStale (playlist: Pick<VideoPlaylistModel, 'remote' | 'url' | 'lastFetchedAt'>) {
  if (!playlist.remote) return
  const age = Date.now() - (playlist.lastFetchedAt?.getTime() ?? 0)
  if (age < REMOTE_PLAYLIST_REFRESH_AFTER_MS) return
  outsideUnitOfWork(() => jobQueue.createJob('activitypub-playlist-fetch', { playlistUrl: playlist.url }, { dedupKey: `refresh-playlist:${playlist.url}` }))
    .catch(() => undefined)
}

/**
 * Which videos of a page of playlist elements the viewer gets (others show as unavailable, or private): those
 * they may see, except blocked videos and videos whose account or server the instance or the viewer muted —
 * their owners still get their own. Videos need their summary includes (channel, account, block).
 */
export async function playlistVideoFilter (videos: VideoModel[], user: AuthenticatedUser | undefined) {
  const muted = await listMutedAccountIds(videos.map(video => video.VideoChannel!.accountId), blockingAccountIdsFor(user))
  return (video: VideoModel) => canSeeVideo(video, user) && (isVideoOwner(video, user) || !muted.has(video.VideoChannel!.accountId))
}
