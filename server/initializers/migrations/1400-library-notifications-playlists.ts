import { DataTypes } from 'sequelize'
import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../shared/models/playlists.js'
import { ActorOutboxSyncModel } from '../../models/actor/actor-outbox-sync.js'
import { UserNotificationSettingModel } from '../../models/user/user-notification-setting.js'
import { UserNotificationModel } from '../../models/user/user-notification.js'
import { UserVideoHistoryModel } from '../../models/user/user-video-history.js'
import { VideoPlaylistElementModel } from '../../models/video/video-playlist-element.js'
import { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { WATCH_LATER_PLAYLIST_NAME } from '../constants/playlists.js'
import type { Migration } from '../migrator.js'

/**
 * The viewer's library: notifications and their settings, watch history, playlists (with a "Watch later" for
 * every existing user), the outbox sync state of remote actors, and the pending e-mail of an address change.
 */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  await sequelize.getQueryInterface().addColumn('user', 'pendingEmail', { type: DataTypes.STRING(400), allowNull: true }, { transaction })

  await ActorOutboxSyncModel.sync()
  await UserNotificationSettingModel.sync()
  await UserNotificationModel.sync()
  await UserVideoHistoryModel.sync()
  await VideoPlaylistModel.sync()
  await VideoPlaylistElementModel.sync()

  // URLs are the local ActivityPub ids (webserver.url + /video-playlists/<uuid>).
  const [ rows ] = await sequelize.query('SELECT a."id" AS "accountId", act."url" AS "actorUrl" FROM "account" a ' +
    'JOIN "user" u ON u."id" = a."userId" JOIN "actor" act ON act."id" = a."actorId"', { transaction })
  for (const row of rows as { accountId: number, actorUrl: string }[]) {
    const uuid = crypto.randomUUID()
    await VideoPlaylistModel.create({
      uuid,
      name: WATCH_LATER_PLAYLIST_NAME,
      description: null,
      privacy: VideoPlaylistPrivacy.PRIVATE,
      type: VideoPlaylistType.WATCH_LATER,
      url: `${new URL(row.actorUrl).origin}/video-playlists/${uuid}`,
      remote: false,
      ownerAccountId: row.accountId,
      videoChannelId: null
    })
  }
}
