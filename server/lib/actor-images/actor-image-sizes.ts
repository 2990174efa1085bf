import { ActorImageType, type ActorImageTypeValue } from '../../../shared/models/actor-images.js'

export interface ActorImageSize {
  width: number
  height: number
}

/**
 * PeerTube's sizes: square avatars from 1500 px (profile pages) down to 48 px (comments, menus), banners at
 * a 6:1 ratio. Clients pick the size closest to what they display.
 */
export const ACTOR_IMAGE_SIZES: Record<ActorImageTypeValue, readonly ActorImageSize[]> = {
  [ActorImageType.AVATAR]: [
    { width: 1500, height: 1500 },
    { width: 600, height: 600 },
    { width: 120, height: 120 },
    { width: 48, height: 48 }
  ],
  [ActorImageType.BANNER]: [
    { width: 1920, height: 317 },
    { width: 600, height: 100 }
  ]
}

/** What an uploaded avatar or banner may be (PeerTube's limits, also announced in GET /config). */
export const ACTOR_IMAGE_UPLOAD = {
  maxBytes: 4 * 1024 * 1024,
  extensions: [ '.png', '.jpeg', '.jpg', '.gif', '.webp' ],
  mimeTypes: [ 'image/png', 'image/jpeg', 'image/jpg', 'image/gif', 'image/webp' ]
} as const
