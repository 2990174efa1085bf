import type { Job } from 'bull'
import { VideoPlaylistModel } from '../../../models/video/video-playlist.js'
import type { DeletedPlaylistSnapshot, PlaylistChange } from '../../playlists/playlist-events.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { sendCreatePlaylist, sendDeletePlaylist, sendUpdatePlaylist } from './send-playlist-activities.js'

export interface FederatePlaylistPayload {
  playlistId: number
  change?: PlaylistChange
  deleted?: DeletedPlaylistSnapshot
}

/**
 * federate-playlist: tells remotes what they must know of a local playlist now: Create when it became visible to
 * them, Update on changes (elements included), Delete when it went private or away. Reads the playlist's current
 * state; jobs of one playlist run in order; deliveries are written in one unit of work.
 */
export async function processFederatePlaylist (job: Job<FederatePlaylistPayload>) {
  await unitOfWork(async () => {
    const { deleted, change } = job.data
    if (deleted) {
      if (deleted.wasFederated) await sendDeletePlaylist(deleted)
      return
    }

    const playlist = await VideoPlaylistModel.loadFull(job.data.playlistId)
    if (!playlist || playlist.remote) return
    if (!playlist.isFederated()) {
      if (change === 'unpublished') {
        await sendDeletePlaylist({ url: playlist.url, ownerActorId: playlist.OwnerAccount!.actorId as number, channelActorId: (playlist.VideoChannel?.actorId as number | undefined) ?? null, wasFederated: true })
      }
      return
    }
    if (change === 'created') await sendCreatePlaylist(playlist)
    else await sendUpdatePlaylist(playlist)
  })
}
