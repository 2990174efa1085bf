/** PeerTube's numeric enums, which clients and remote instances compare against. */
export const VideoState = {
  PUBLISHED: 1,
  TO_TRANSCODE: 2,
  TO_IMPORT: 3,
  WAITING_FOR_LIVE: 4,
  LIVE_ENDED: 5,
  TO_MOVE_TO_EXTERNAL_STORAGE: 6,
  TRANSCODING_FAILED: 7,
  TO_MOVE_TO_EXTERNAL_STORAGE_FAILED: 8,
  TO_EDIT: 9,
  TO_MOVE_TO_FILE_SYSTEM: 10,
  TO_MOVE_TO_FILE_SYSTEM_FAILED: 11
} as const
export type VideoStateType = typeof VideoState[keyof typeof VideoState]

export const VideoPrivacy = {
  PUBLIC: 1,
  UNLISTED: 2,
  PRIVATE: 3,
  INTERNAL: 4,
  PASSWORD_PROTECTED: 5
} as const
export type VideoPrivacyType = typeof VideoPrivacy[keyof typeof VideoPrivacy]

export const VideoStreamingPlaylistType = {
  HLS: 1
} as const

export const VideoFileStorage = {
  FILE_SYSTEM: 0,
  OBJECT_STORAGE: 1
} as const

export interface VideoConstant<T> {
  id: T
  label: string
}
