import type { VideoPlaylistPrivacyType } from '../../../shared/models/playlists.js'

// What the playlist operations take, in the domain's terms. The HTTP layer's schemas
// (middlewares/validation/playlists.ts) produce values of these types; tsc checks it where a controller passes one in.

export interface CreatePlaylistInput {
  displayName: string
  description?: string | null
  privacy: VideoPlaylistPrivacyType
  videoChannelId?: number | null
}

/** undefined leaves a value as it is, null clears it. */
export interface UpdatePlaylistInput {
  displayName?: string
  description?: string | null
  privacy?: VideoPlaylistPrivacyType
  videoChannelId?: number | null
}

export interface AddPlaylistElementInput {
  /** An id, a UUID or a short UUID. */
  videoId: number | string
  startTimestamp?: number | null
  stopTimestamp?: number | null
}
