import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorModel } from '../../../models/actor/actor.js'
import type { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import type { DeletedPlaylistSnapshot } from '../../playlists/playlist-events.js'
import type { OutgoingActivity } from '../activity-types.js'
import { sendToFollowers } from '../send/recipients.js'
import { getServerActor } from '../server-actor.js'
import { getVideoAudience } from '../videos/audience.js'
import { buildPlaylistObject, playlistAudience } from './build-playlist-object.js'

const log = loggerWithTags('activitypub', 'playlists')

/** As PeerTube: the owner's account signs, for the followers of the account, the server actor and the channel. */
async function followersOf (playlist: VideoPlaylistModel) {
  const serverActor = await getServerActor()
  return [ playlist.OwnerAccount!.actorId as number, serverActor.id, ...(playlist.VideoChannel ? [ playlist.VideoChannel.actorId as number ] : []) ]
}

export async function sendCreatePlaylist (playlist: VideoPlaylistModel) {
  const byActor = playlist.OwnerAccount!.Actor!
  const activity: OutgoingActivity = {
    ...playlistAudience(playlist),
    type: 'Create',
    id: `${playlist.url}/activity`,
    actor: byActor.url,
    object: await buildPlaylistObject(playlist)
  }
  log.info(`Sending Create of playlist ${playlist.url}`)
  await sendToFollowers(activity, byActor, await followersOf(playlist), { contextType: 'Playlist' })
}

export async function sendUpdatePlaylist (playlist: VideoPlaylistModel) {
  const byActor = playlist.OwnerAccount!.Actor!
  const activity: OutgoingActivity = {
    ...playlistAudience(playlist),
    type: 'Update',
    id: `${playlist.url}/updates/${playlist.updatedAt.toISOString()}`,
    actor: byActor.url,
    object: await buildPlaylistObject(playlist)
  }
  log.info(`Sending Update of playlist ${playlist.url}`)
  await sendToFollowers(activity, byActor, await followersOf(playlist), { contextType: 'Playlist' })
}

/** For a playlist gone, or gone private: remotes delete their copy. */
export async function sendDeletePlaylist (snapshot: DeletedPlaylistSnapshot) {
  const byActor = await ActorModel.findByPk(snapshot.ownerActorId)
  if (!byActor) return
  const serverActor = await getServerActor()
  const activity: OutgoingActivity = {
    ...getVideoAudience(byActor, 1),
    type: 'Delete',
    id: `${snapshot.url}/delete`,
    actor: byActor.url,
    object: snapshot.url
  }
  log.info(`Sending Delete of playlist ${snapshot.url}`)
  const actorIds = [ byActor.id, serverActor.id, ...(snapshot.channelActorId ? [ snapshot.channelActorId ] : []) ]
  await sendToFollowers(activity, byActor, actorIds, { contextType: 'Delete' })
}
