/** PeerTube's playlist enums, which clients and remote instances compare against. */
export const VideoPlaylistPrivacy = {
  PUBLIC: 1,
  UNLISTED: 2,
  PRIVATE: 3
} as const
export type VideoPlaylistPrivacyType = typeof VideoPlaylistPrivacy[keyof typeof VideoPlaylistPrivacy]

export const VideoPlaylistType = {
  REGULAR: 1,
  WATCH_LATER: 2
} as const
export type VideoPlaylistTypeValue = typeof VideoPlaylistType[keyof typeof VideoPlaylistType]

/** What an element shows the viewer: the video, or why it cannot. */
export const VideoPlaylistElementType = {
  REGULAR: 0,
  DELETED: 1,
  PRIVATE: 2,
  UNAVAILABLE: 3
} as const
export type VideoPlaylistElementTypeValue = typeof VideoPlaylistElementType[keyof typeof VideoPlaylistElementType]
