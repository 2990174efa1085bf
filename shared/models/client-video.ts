// Video wire shapes as returned by /api/v1/videos (list items and details), plus the few enum values
// the client needs. No imports of runtime code, so server and browser can both use it.
import type { ActorImage, ActorSummary, IdLabel } from './client-common.js'

export const VideoPrivacy = { PUBLIC: 1, UNLISTED: 2, PRIVATE: 3, INTERNAL: 4, PASSWORD_PROTECTED: 5 } as const
export type VideoPrivacyId = (typeof VideoPrivacy)[keyof typeof VideoPrivacy]

/** `state.id` values the client reacts to; other values are shown by their label. */
export const VideoStateId = { PUBLISHED: 1, TO_TRANSCODE: 2, TO_IMPORT: 3, WAITING_FOR_LIVE: 4, LIVE_ENDED: 5, TRANSCODING_FAILED: 7 } as const

/** `streamingPlaylists[].type`: 1 is HLS. */
export const StreamingPlaylistType = { HLS: 1 } as const

export type NSFWPolicy = 'display' | 'blur' | 'do_not_list'

export interface VideoFile {
  id: number
  resolution: IdLabel
  width?: number
  height?: number
  size: number
  fps: number
  magnetUri: string | null
  torrentUrl: string | null
  torrentDownloadUrl: string | null
  fileUrl: string
  fileDownloadUrl: string
  metadataUrl?: string
  hasAudio?: boolean
  hasVideo?: boolean
  storage?: number
}

export interface VideoStreamingPlaylist {
  id: number
  type: number
  playlistUrl: string
  segmentsSha256Url: string
  redundancies: { baseUrl: string }[]
  files: VideoFile[]
}

export interface VideoChannelSummary extends ActorSummary {}
export interface VideoAccountSummary extends ActorSummary {
  /** Present on local accounts in video details. */
  userId?: number
}

export interface Video {
  id: number
  uuid: string
  shortUUID: string
  url: string
  name: string
  category: IdLabel<number | null>
  licence: IdLabel<number | null>
  language: IdLabel<string | null>
  privacy: IdLabel
  nsfw: boolean
  truncatedDescription: string | null
  description: string | null
  isLocal: boolean
  duration: number
  aspectRatio?: number | null
  views: number
  viewers?: number
  likes: number
  dislikes: number
  thumbnailPath: string | null
  previewPath: string | null
  embedPath: string
  createdAt: string
  updatedAt: string
  publishedAt: string
  originallyPublishedAt: string | null
  isLive: boolean
  account: VideoAccountSummary
  channel: VideoChannelSummary
  /** Present only when the owner lists their own videos or asks with `include`. */
  state?: IdLabel
  blacklisted?: boolean
  /** Why a moderator blocked it (its owner and moderators see blocked videos). */
  blacklistedReason?: string | null
}

/** A planned privacy change (scheduled publication); the owner sees it on their videos. */
export interface VideoScheduledUpdate {
  updateAt: string
  privacy?: number
}

/** `commentsPolicy.id`: PeerTube 6.2+. */
export const VideoCommentsPolicy = { ENABLED: 1, DISABLED: 2, REQUIRES_APPROVAL: 3 } as const

export interface VideoDetails extends Video {
  support: string | null
  descriptionPath: string
  tags: string[]
  commentsEnabled?: boolean
  /** 1 enabled, 2 disabled, 3 requires approval. */
  commentsPolicy?: IdLabel
  scheduledUpdate?: VideoScheduledUpdate | null
  /** Where the signed-in viewer stopped (their history), when they keep one. */
  userHistory?: { currentTime: number }
  downloadEnabled: boolean
  waitTranscoding: boolean
  state: IdLabel
  trackerUrls: string[]
  files: VideoFile[]
  streamingPlaylists: VideoStreamingPlaylist[]
  channel: VideoChannelSummary & { banners?: ActorImage[]; description?: string | null }
  /** Tubeless: a local live's replay is on its way (converting, or the live's end being processed). */
  replayInPreparation?: true
}

/** Body of `POST /api/v1/videos/upload-resumable` (the init request). */
export interface VideoResumableInit {
  name: string
  channelId: number
  filename: string
  privacy?: number
  category?: number
  licence?: number
  language?: string
  description?: string
  tags?: string[]
  nsfw?: boolean
  downloadEnabled?: boolean
  waitTranscoding?: boolean
  support?: string
}

/** Fields accepted by `PUT /api/v1/videos/{id}` (as JSON; as multipart when a thumbnail rides along). */
export interface VideoUpdate {
  name?: string
  channelId?: number
  description?: string
  privacy?: number
  category?: number | null
  licence?: number | null
  language?: string | null
  tags?: string[]
  nsfw?: boolean
  downloadEnabled?: boolean
  support?: string
  /** PeerTube 6.2+; `commentsEnabled` for servers that know only that. */
  commentsPolicy?: number
  commentsEnabled?: boolean
  waitTranscoding?: boolean
  originallyPublishedAt?: string | null
  /** null removes a planned publication. */
  scheduleUpdate?: VideoScheduledUpdate | null
}

/** `GET /api/v1/videos/{id}/source` (owner): what was uploaded; `transcoding` is a Tubeless addition. */
export interface VideoSource {
  inputFilename: string
  resolution: IdLabel
  size: number
  fps: number
  width: number
  height: number
  createdAt: string
  transcoding?: { state: 'running' | 'finished' | 'failed'; plannedResolutions: number[] }
}

/** Final reply of an upload: 200 `{ video: {...} }`. */
export interface VideoCreateResult {
  video: { id: number; uuid: string; shortUUID: string }
}
