// Users, accounts, channels and OAuth wire shapes (PeerTube 6.3 compatible).
import type { ActorImage, IdLabel } from './client-common.js'
import type { NotificationSettings } from './client-library.js'
import type { NSFWPolicy } from './client-video.js'

/** `role.id`: lower is more powerful. */
export const UserRole = { ADMINISTRATOR: 0, MODERATOR: 1, USER: 2 } as const
export type UserRoleId = (typeof UserRole)[keyof typeof UserRole]

export interface OAuthClientLocal {
  client_id: string
  client_secret: string
}

export interface OAuthTokenReply {
  token_type: string
  access_token: string
  refresh_token: string
  expires_in: number
  refresh_token_expires_in: number
}

export interface Account {
  id: number
  name: string
  displayName: string
  url: string
  host: string
  avatars: ActorImage[]
  description: string | null
  followersCount: number
  followingCount: number
  createdAt: string
  userId?: number
}

export interface VideoChannel {
  id: number
  name: string
  displayName: string
  url: string
  host: string
  avatars: ActorImage[]
  banners: ActorImage[]
  description: string | null
  support: string | null
  isLocal: boolean
  followersCount: number
  followingCount: number
  createdAt: string
  ownerAccount?: Account
}

export interface User {
  id: number
  username: string
  email: string
  pendingEmail?: string | null
  emailVerified?: boolean
  nsfwPolicy: NSFWPolicy
  p2pEnabled: boolean
  autoPlayVideo: boolean
  role: IdLabel
  videoQuota: number
  videoQuotaDaily: number
  videoQuotaUsed?: number
  videoQuotaUsedDaily?: number
  blocked: boolean
  blockedReason: string | null
  account: Account
  videoChannels?: VideoChannel[]
  createdAt: string
  lastLoginDate?: string | null
  /** While on, the player's position is kept and videos resume there. */
  videosHistoryEnabled?: boolean
  /** How the user hears of each kind of event (1 = web, 2 = e-mail). */
  notificationSettings?: NotificationSettings
  /** "Watch later" (type 2). */
  specialPlaylists?: { id: number; name: string; type: number }[]
}

/** `PUT /api/v1/users/me`: changing the e-mail or the password needs `currentPassword`. */
export interface UserUpdateMe {
  displayName?: string
  description?: string | null
  email?: string
  password?: string
  currentPassword?: string
  nsfwPolicy?: string
  p2pEnabled?: boolean
  autoPlayVideo?: boolean
  videosHistoryEnabled?: boolean
}

/** `POST /api/v1/users/register` (and, with `registrationReason`, `/users/registrations/request`). */
export interface UserRegister {
  username: string
  password: string
  email: string
  displayName?: string
  channel?: { name: string; displayName: string }
  registrationReason?: string
}

export interface UserQuotaUsed {
  videoQuotaUsed: number
  videoQuotaUsedDaily: number
}

export interface UserCreate {
  username: string
  password: string
  email: string
  role: number
  videoQuota?: number
  videoQuotaDaily?: number
  channelName?: string
}

export interface UserUpdate {
  email?: string
  role?: number
  videoQuota?: number
  videoQuotaDaily?: number
  password?: string
}
