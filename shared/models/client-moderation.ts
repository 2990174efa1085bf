// Moderation wire shapes and numeric enums (PeerTube 6.3 compatible): abuse reports and their messages, account
// and server blocklists, video blocks. No imports of runtime code, so the server and the browser both use it.
import type { Account } from './client-user.js'
import type { ActorImage, IdLabel } from './client-common.js'
import type { Video } from './client-video.js'

/** PeerTube's AbuseState. */
export const AbuseState = { PENDING: 1, REJECTED: 2, ACCEPTED: 3 } as const
export type AbuseStateId = (typeof AbuseState)[keyof typeof AbuseState]

export const ABUSE_STATE_LABELS: Record<AbuseStateId, string> = { 1: 'Pending', 2: 'Rejected', 3: 'Accepted' }

/** PeerTube's predefined reasons: stored as numbers, named on the wire (and in a Flag's Hashtags). */
export const ABUSE_PREDEFINED_REASONS = {
  violentOrRepulsive: 1,
  hatefulOrAbusive: 2,
  spamOrMisleading: 3,
  privacy: 4,
  rights: 5,
  serverRules: 6,
  thumbnails: 7,
  captions: 8
} as const
export type AbusePredefinedReason = keyof typeof ABUSE_PREDEFINED_REASONS
export const ABUSE_PREDEFINED_REASON_NAMES = Object.keys(ABUSE_PREDEFINED_REASONS) as AbusePredefinedReason[]

/** What a report is about (`filter` of GET /abuses). */
export const ABUSE_FILTERS = [ 'video', 'comment', 'account' ] as const
export type AbuseFilter = typeof ABUSE_FILTERS[number]

/** PeerTube's VideoBlacklistType: a moderator's block, or the auto-block of a new video awaiting review. */
export const VideoBlockType = { MANUAL: 1, AUTO_BEFORE_PUBLISHED: 2 } as const
export type VideoBlockTypeId = (typeof VideoBlockType)[keyof typeof VideoBlockType]

/** PeerTube's UserAdminFlag bits. */
export const UserAdminFlag = { NONE: 0, BYPASS_VIDEO_AUTO_BLACKLIST: 1 } as const

interface AccountSummaryLike {
  id: number
  name: string
  displayName: string
  url: string
  host: string
  avatars: ActorImage[]
}

export interface AbuseVideo {
  id: number
  name: string
  uuid: string
  shortUUID: string
  nsfw: boolean
  /** The video was deleted since the report: the rest is what it was when reported. */
  deleted: boolean
  blacklisted: boolean
  startAt: number | null
  endAt: number | null
  thumbnailPath?: string | null
  channel?: unknown
  /** Moderators only: reports about this video, and the rank of this one among them. */
  countReports?: number
  nthReport?: number
}

export interface AbuseComment {
  id: number
  threadId: number
  video: { id: number; name: string; uuid: string }
  text: string
  deleted: boolean
}

/** An abuse report as moderators see it (`GET /abuses`); the reporter's own view lacks the moderation fields. */
export interface Abuse {
  id: number
  reason: string
  predefinedReasons: AbusePredefinedReason[]
  reporterAccount?: Account | null
  flaggedAccount: Account | null
  state: IdLabel<AbuseStateId>
  moderationComment?: string | null
  video: AbuseVideo | null
  comment: AbuseComment | null
  createdAt: string
  updatedAt: string
  countReportsForReporter?: number
  countReportsForReportee?: number
  countMessages: number
}

export interface AbuseCreate {
  reason: string
  predefinedReasons?: AbusePredefinedReason[]
  video?: { id: number | string; startAt?: number; endAt?: number }
  comment?: { id: number }
  account?: { id: number }
}

export interface AbuseMessage {
  id: number
  message: string
  byModerator: boolean
  createdAt: string
  account: AccountSummaryLike
}

export interface AccountBlock {
  byAccount: Account
  blockedAccount: Account
  createdAt: string
}

export interface ServerBlock {
  byAccount: Account
  blockedServer: { id: number; host: string }
  createdAt: string
}

export interface BlockStatusEntry {
  blockedByServer: boolean
  blockedByUser: boolean
}

export interface BlockStatus {
  accounts: Record<string, BlockStatusEntry>
  hosts: Record<string, BlockStatusEntry>
}

export interface VideoBlock {
  id: number
  reason: string | null
  unfederated: boolean
  type: VideoBlockTypeId
  video: Video
  createdAt: string
  updatedAt: string
}

/** PeerTube's UserRegistrationState. */
export const RegistrationState = { PENDING: 1, REJECTED: 2, ACCEPTED: 3 } as const

/** A sign-up request waiting for (or decided by) a moderator (`GET /users/registrations`). */
export interface UserRegistration {
  id: number
  state: IdLabel
  registrationReason: string
  moderationResponse: string | null
  username: string
  email: string
  emailVerified: boolean | null
  accountDisplayName: string | null
  channelHandle: string | null
  channelDisplayName: string | null
  createdAt: string
  updatedAt: string
  user: { id: number } | null
}

export interface UserRegistrationRequest {
  username: string
  password: string
  email: string
  registrationReason: string
  displayName?: string
  channel?: { name: string; displayName: string }
}
