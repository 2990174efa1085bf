import type { VideoPlaylistModel } from '../../models/video/video-playlist.js'
import { jobQueue } from '../job-queue/job-queue.js'

// What happens to local playlists that federation must tell, recorded in the change's unit of work (as for videos).

export const playlistOrderKey = (playlistId: number) => `playlist:${playlistId}`

export type PlaylistChange = 'created' | 'updated' | 'unpublished'

export interface DeletedPlaylistSnapshot {
  url: string
  ownerActorId: number
  channelActorId: number | null
  wasFederated: boolean
}

/**
 * A local playlist or its elements changed. 'created': it just became visible to remotes (new, or no longer
 * private); 'unpublished': it became private (remotes delete their copy).
 */
export async function recordPlaylistChanged (playlist: Pick<VideoPlaylistModel, 'id' | 'remote'>, change: PlaylistChange = 'updated') {
  if (playlist.remote) return
  await jobQueue.createJob('federate-playlist', { playlistId: playlist.id, change }, { orderKey: playlistOrderKey(playlist.id) })
}

/** Call in the deletion's unit of work, with OwnerAccount.Actor and VideoChannel.Actor loaded. */
export async function recordPlaylistDeleted (playlist: VideoPlaylistModel) {
  if (playlist.remote) return
  const deleted: DeletedPlaylistSnapshot = {
    url: playlist.url,
    ownerActorId: playlist.OwnerAccount!.actorId as number,
    channelActorId: (playlist.VideoChannel?.actorId as number | undefined) ?? null,
    wasFederated: playlist.isFederated()
  }
  await jobQueue.createJob('federate-playlist', { playlistId: playlist.id, deleted }, { orderKey: playlistOrderKey(playlist.id) })
}
