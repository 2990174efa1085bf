import { randomUUID } from 'node:crypto'
import type { Transaction } from 'sequelize'
import { VideoPlaylistPrivacy, VideoPlaylistType } from '../../../shared/models/playlists.js'
import { WATCH_LATER_PLAYLIST_NAME } from '../../initializers/constants/playlists.js'
import type { AccountModel } from '../../models/account/account.js'
import { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { localPlaylistUrl } from './playlist-urls.js'

/** Every local user has a private "Watch later" playlist from the start, as with PeerTube. */
export async function createWatchLaterPlaylist (account: Pick<AccountModel, 'id'>, transaction?: Transaction) {
  const uuid = randomUUID()
  return VideoPlaylistModel.create({
    uuid,
    name: WATCH_LATER_PLAYLIST_NAME,
    description: null,
    privacy: VideoPlaylistPrivacy.PRIVATE,
    type: VideoPlaylistType.WATCH_LATER,
    url: localPlaylistUrl(uuid),
    remote: false,
    ownerAccountId: account.id,
    videoChannelId: null
  }, { transaction })
}

/** The account's "Watch later" playlist; null for an account that has none (remote ones). */
export function loadWatchLaterPlaylist (accountId: number) {
  return VideoPlaylistModel.loadWatchLater(accountId)
}
