/** PeerTube's list defaults, which clients rely on. */
export const PAGINATION = {
  DEFAULT_COUNT: 15,
  MAX_COUNT: 100
} as const
