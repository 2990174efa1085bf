// Wire shapes of the viewer's library (PeerTube 6.3): playlists, notifications, history, catalogue sync. Types only.
import type { ActorSummary, IdLabel } from './client-common.js'
import type { Video } from './client-video.js'

export interface VideoPlaylist {
  id: number
  uuid: string
  shortUUID: string
  isLocal: boolean
  url: string
  displayName: string
  description: string | null
  privacy: IdLabel
  thumbnailPath: string | null
  embedPath: string
  /** 1 regular, 2 watch later. */
  type: IdLabel
  videosLength: number
  createdAt: string
  updatedAt: string
  ownerAccount: ActorSummary
  videoChannel: ActorSummary | null
}

/** `type`: 0 regular, 1 deleted, 2 private, 3 unavailable (then `video` is null). */
export interface VideoPlaylistElement {
  id: number
  position: number
  startTimestamp: number | null
  stopTimestamp: number | null
  type: number
  video: (Video & { userHistory?: { currentTime: number } }) | null
}

export interface VideoExistInPlaylist {
  playlistElementId: number
  playlistId: number
  playlistDisplayName: string
  playlistShortUUID: string
  startTimestamp: number | null
  stopTimestamp: number | null
}

export interface ActorInfo {
  id: number
  displayName: string
  name: string
  host: string
  avatars: { width: number; path: string }[]
}

export interface VideoInfo {
  id: number
  uuid: string
  shortUUID: string
  name: string
}

export interface UserNotification {
  id: number
  type: number
  read: boolean
  video?: VideoInfo & { channel?: ActorInfo }
  account?: ActorInfo
  actorFollow?: { id: number; follower: ActorInfo; state: string; following: { type: string; name: string; displayName: string; host: string } }
  registration?: { id: number; username: string }
  comment?: { id: number; threadId: number; heldForReview?: boolean; account?: ActorInfo; video?: VideoInfo }
  abuse?: { id: number; state: number; video?: VideoInfo }
  videoBlacklist?: { id: number; video?: VideoInfo }
  reason?: string
  videoImport?: { id: number; targetUrl: string | null; magnetUri: string | null; torrentName: string | null; video?: VideoInfo }
  createdAt: string
}

export type NotificationSettings = Record<string, number>

export interface CatalogueSync {
  isLocal: boolean
  state: 'syncing' | 'synced' | 'failed' | null
  totalItems: number | null
  processedItems: number
  videosCount: number
  lastError: string | null
}

export interface MeWithLibrary {
  notificationSettings: NotificationSettings
  specialPlaylists: { id: number; name: string; type: number }[]
  videosHistoryEnabled: boolean
}
