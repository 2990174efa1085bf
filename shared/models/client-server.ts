// Instance-level wire shapes: public config, follows, jobs, stats (PeerTube 6.3 compatible).
import type { ActorImage } from './client-common.js'
import type { NSFWPolicy } from './client-video.js'

/** The parts of `GET /api/v1/config` the web client reads. Every field is optional on purpose:
 * the client must keep working against older or newer servers. */
export interface ServerConfig {
  serverVersion?: string
  instance?: {
    name?: string
    shortDescription?: string
    defaultNSFWPolicy?: NSFWPolicy
    defaultClientRoute?: string
    isNSFW?: boolean
  }
  client?: { videos?: { resumableUpload?: { maxChunkSize?: number } } }
  defaults?: {
    publish?: { privacy?: number; downloadEnabled?: boolean; licence?: number | null; commentsPolicy?: number }
    p2p?: { webapp?: { enabled?: boolean }; embed?: { enabled?: boolean } }
  }
  signup?: {
    allowed?: boolean
    allowedForCurrentIP?: boolean
    minimumAge?: number
    requiresApproval?: boolean
    requiresEmailVerification?: boolean
  }
  transcoding?: { enabledResolutions?: number[]; hls?: { enabled?: boolean }; web_videos?: { enabled?: boolean } }
  avatar?: { file?: { size?: { max?: number }; extensions?: string[] } }
  banner?: { file?: { size?: { max?: number }; extensions?: string[] } }
  video?: { file?: { extensions?: string[] }; image?: { extensions?: string[]; size?: { max?: number } } }
  federation?: { enabled?: boolean }
  /** Whether this instance can send mails (an SMTP server is configured), and takes messages from its contact form. */
  email?: { enabled?: boolean }
  contactForm?: { enabled?: boolean }
  user?: { videoQuota?: number; videoQuotaDaily?: number }
  /** Tubeless extension: STUN/TURN servers for browser WebRTC. Either location may be used. */
  tracker?: { enabled?: boolean; iceServers?: RTCIceServerLike[] }
  p2p?: { iceServers?: RTCIceServerLike[] }
  live?: { enabled?: boolean; allowReplay?: boolean; latencySetting?: { enabled?: boolean }; rtmp?: { port?: number } }
  import?: { videos?: { http?: { enabled?: boolean }; torrent?: { enabled?: boolean } } }
  /** Metrics on: the player POSTs its playback stats every playbackStatsInterval ms. */
  openTelemetry?: { metrics?: { enabled?: boolean; playbackStatsInterval?: number } }
}

/** Structural copy of the DOM `RTCIceServer` so Node code can use this type without the DOM lib. */
export interface RTCIceServerLike {
  urls: string | string[]
  username?: string
  credential?: string
}

export interface FollowActor {
  id: number
  url: string
  name: string
  host: string
  avatars?: ActorImage[]
  followersCount: number
  followingCount: number
  createdAt: string
}

export type FollowState = 'pending' | 'accepted' | 'rejected'

export interface Follow {
  id: number
  follower: FollowActor
  following: FollowActor
  score: number
  state: FollowState
  createdAt: string
  updatedAt: string
}

export type JobState = 'active' | 'completed' | 'failed' | 'waiting' | 'delayed' | 'paused'

export interface Job {
  id: string | number
  state: JobState
  type: string
  data: unknown
  progress?: number
  error: unknown
  createdAt: string
  finishedOn?: string | null
  processedOn?: string | null
}

/** One remote server our deliveries fail to reach, or that has deliveries waiting (GET /server/delivery-health). */
export interface ServerDeliveryHealth {
  host: string
  failingSince: string | null
  parkedDeliveries: number
  oldestParkedAt: string | null
  nextAttemptAt: string | null
}

export interface DeliveryHealth {
  total: number
  data: ServerDeliveryHealth[]
  /** Jobs recorded in the outbox and not finished yet, by state and type. */
  outbox: { state: 'pending' | 'queued' | 'parked' | 'failed'; jobType: string; count: number }[]
}

export interface ServerStats {
  totalUsers: number
  totalDailyActiveUsers?: number
  totalWeeklyActiveUsers?: number
  totalMonthlyActiveUsers?: number
  totalLocalVideos: number
  totalLocalVideoViews: number
  totalLocalVideoComments?: number
  totalLocalVideoFilesSize: number
  totalVideos: number
  totalVideoComments?: number
  totalLocalVideoChannels?: number
  totalInstanceFollowers: number
  totalInstanceFollowing: number
  totalActivityPubMessagesProcessed?: number
  totalActivityPubMessagesWaiting?: number
}

/** `GET/PUT /api/v1/config/custom`: a large nested document; the client edits a few known leaves
 * and sends the rest back untouched. */
export type CustomConfig = Record<string, unknown>

/** `GET /api/v1/config/about`: what an instance says of itself (Markdown texts, empty when not set). */
export interface AboutConfig {
  instance: {
    name: string
    shortDescription: string
    description: string
    terms: string
    codeOfConduct: string
    moderationInformation: string
    administrator: string
    creationReason: string
    maintenanceLifetime: string
    businessModel: string
    hardwareInformation: string
    languages: string[]
    categories: number[]
  }
}

/** `GET /api/v1/server/identity-conflicts`: a uuid, handle or host that a second origin claimed here. */
export type IdentityConflictKind = 'video-uuid' | 'actor-handle' | 'host-origin'
export interface IdentityConflict {
  id: number
  kind: IdentityConflictKind
  /** The uuid, handle (name@host) or host claimed. */
  identifier: string
  /** Who keeps it: the local or first-seen object's URL. */
  holderUrl: string
  claimantUrl: string
  /** What was done: the newcomer refused, or stored under `substitute`. */
  outcome: string
  substitute: string | null
  occurrences: number
  /** When an administrator chose the holder; null while the rule's choice (local or first seen) stands. */
  resolvedAt: string | null
  createdAt: string
  updatedAt: string
}
