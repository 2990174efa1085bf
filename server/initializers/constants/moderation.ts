// Limits of moderation texts, PeerTube's so reports and blocks made with its clients fit here and the other way.

export const ABUSE_CONSTRAINTS = {
  REASON: { min: 2, max: 3000 },
  MODERATION_COMMENT: { min: 2, max: 3000 },
  MESSAGE: { min: 2, max: 3000 },
  PREDEFINED_REASONS: { max: 8 }
} as const

export const VIDEO_BLOCK_CONSTRAINTS = {
  REASON: { min: 2, max: 300 }
} as const

/** The reason given to an auto-blocked video, shown to its owner. */
export const AUTO_BLOCK_REASON = 'Auto-blocked: a moderator reviews new videos of this instance before they are published'

/** Where our abuse reports live as ActivityPub ids (the Flag we send is named by it), as PeerTube names them. */
export const ABUSE_ACTIVITY_PATH = '/admin/abuses/'
