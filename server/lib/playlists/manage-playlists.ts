import { randomUUID } from 'node:crypto'
import { Op } from 'sequelize'
import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../shared/models/playlists.js'
import { VideoPrivacy } from '../../../shared/models/videos.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import type { CreatePlaylistInput, UpdatePlaylistInput } from './types.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { VideoPlaylistElementModel } from '../../models/video/video-playlist-element.js'
import { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { VideoModel } from '../../models/video/video.js'
import { badRequest, invalidField } from '../http-problems/http-problem.js'
import { removeFilesAfterCommit } from '../job-queue/handlers/files-removal.js'
import { afterCommit, unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordPlaylistChanged, recordPlaylistDeleted } from './playlist-events.js'
import { discardPreparedThumbnail, playlistThumbnailPathOnDisk, preparePlaylistThumbnail, refreshAutomaticThumbnail } from './playlist-thumbnail.js'
import { localPlaylistUrl } from './playlist-urls.js'

/** Videos only their owner (or this instance's users) may see cannot sit in a playlist others see. */
export const RESTRICTED_VIDEO_PRIVACIES: number[] = [ VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL, VideoPrivacy.PASSWORD_PROTECTED ]

async function ensureOwnChannel (user: AuthenticatedUser, channelId: number) {
  const channel = await VideoChannelModel.findByPk(channelId)
  if (!channel) throw invalidField('body', 'videoChannelId', 'Should be one of your channels (this one does not exist)', channelId)
  if (channel.accountId !== user.Account.id) throw invalidField('body', 'videoChannelId', 'Should be one of your channels', channelId)
  return channel
}

function ensureChannelForPrivacy (privacy: number, channelId: number | null | undefined) {
  if (privacy !== VideoPlaylistPrivacy.PRIVATE && !channelId) {
    throw invalidField('body', 'videoChannelId', 'A public or unlisted playlist must be shown on one of your channels', channelId ?? null)
  }
}

export async function createPlaylist (user: AuthenticatedUser, body: CreatePlaylistInput, thumbnailUpload?: string) {
  ensureChannelForPrivacy(body.privacy, body.videoChannelId)
  if (body.videoChannelId) await ensureOwnChannel(user, body.videoChannelId)
  const thumbnail = thumbnailUpload ? await preparePlaylistThumbnail(thumbnailUpload) : undefined

  try {
    return await unitOfWork(async () => {
      const uuid = randomUUID()
      const playlist = await VideoPlaylistModel.create({
        uuid,
        name: body.displayName,
        description: body.description ?? null,
        privacy: body.privacy,
        type: VideoPlaylistType.REGULAR,
        url: localPlaylistUrl(uuid),
        remote: false,
        ownerAccountId: user.Account.id,
        videoChannelId: body.videoChannelId ?? null,
        thumbnailFilename: thumbnail?.filename ?? null
      })
      if (playlist.isFederated()) await recordPlaylistChanged(playlist, 'created')
      return playlist
    })
  } catch (err) {
    await discardPreparedThumbnail(thumbnail)
    throw err
  }
}

/** Private videos of others in a playlist about to be seen by more people: named, refused. */
async function ensureNoRestrictedVideos (playlistId: number) {
  const count = await VideoPlaylistElementModel.count({
    where: { videoPlaylistId: playlistId },
    include: [ { model: VideoModel, required: true, where: { privacy: { [Op.in]: RESTRICTED_VIDEO_PRIVACIES } } } ]
  })
  if (count !== 0) throw invalidField('body', 'privacy', `This playlist holds ${count} private or internal video(s): remove them before making it public or unlisted`)
}

export async function updatePlaylist (playlist: VideoPlaylistModel, user: AuthenticatedUser, body: UpdatePlaylistInput, thumbnailUpload?: string) {
  if (playlist.type === VideoPlaylistType.WATCH_LATER) throw badRequest('Cannot update a watch later playlist.')

  const privacy = body.privacy ?? playlist.privacy
  const channelId = body.videoChannelId === undefined ? playlist.videoChannelId : body.videoChannelId
  ensureChannelForPrivacy(privacy, channelId)
  if (body.videoChannelId) await ensureOwnChannel(user, body.videoChannelId)
  const wasFederated = playlist.isFederated()
  if (privacy !== VideoPlaylistPrivacy.PRIVATE && !wasFederated) await ensureNoRestrictedVideos(playlist.id)

  const thumbnail = thumbnailUpload ? await preparePlaylistThumbnail(thumbnailUpload) : undefined
  const previousThumbnail = playlist.thumbnailFilename
  try {
    await unitOfWork(async () => {
      if (body.displayName !== undefined) playlist.name = body.displayName
      if (body.description !== undefined) playlist.description = body.description
      playlist.privacy = privacy
      playlist.videoChannelId = channelId ?? null
      if (thumbnail) {
        playlist.thumbnailFilename = thumbnail.filename
        playlist.thumbnailAutomatic = false
        if (previousThumbnail) await removeFilesAfterCommit({ paths: [ playlistThumbnailPathOnDisk(previousThumbnail) ] })
      }
      playlist.changed('updatedAt', true)
      await playlist.save()

      if (playlist.isFederated()) await recordPlaylistChanged(playlist, wasFederated ? 'updated' : 'created')
      else if (wasFederated) await recordPlaylistChanged(playlist, 'unpublished')
    })
  } catch (err) {
    await discardPreparedThumbnail(thumbnail)
    throw err
  }
}

export async function deletePlaylist (playlist: VideoPlaylistModel) {
  if (playlist.type === VideoPlaylistType.WATCH_LATER) throw badRequest('Cannot delete a watch later playlist.')

  await unitOfWork(async () => {
    await recordPlaylistDeleted(playlist)
    if (playlist.thumbnailFilename) await removeFilesAfterCommit({ paths: [ playlistThumbnailPathOnDisk(playlist.thumbnailFilename) ] })
    await playlist.destroy()
  })
}

/** After elements changed: the automatic miniature follows the first video. */
export function refreshThumbnailAfterCommit (playlistId: number) {
  afterCommit(() => { void refreshAutomaticThumbnail(playlistId) })
}
