/** PeerTube's comment policy numbers (video `commentsPolicy`), which clients and remote instances compare against. */
export const VideoCommentPolicy = {
  ENABLED: 1,
  DISABLED: 2,
  /** Comments by others wait for the video owner's (or a moderator's) approval before anyone else sees them. */
  REQUIRES_APPROVAL: 3
} as const
export type VideoCommentPolicyType = typeof VideoCommentPolicy[keyof typeof VideoCommentPolicy]

export const VIDEO_COMMENT_POLICY_LABELS: Record<VideoCommentPolicyType, string> = {
  1: 'Enabled',
  2: 'Disabled',
  3: 'Requires approval'
}

/** What an account thinks of a video; `none` removes a rating. */
export const VIDEO_RATE_TYPES = [ 'like', 'dislike' ] as const
export type VideoRateType = typeof VIDEO_RATE_TYPES[number]
export type UserVideoRateType = VideoRateType | 'none'
