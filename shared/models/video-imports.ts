/** PeerTube's VideoImportState: what clients compare an import's `state.id` against. */
export const VideoImportState = {
  PENDING: 1,
  SUCCESS: 2,
  FAILED: 3,
  REJECTED: 4,
  CANCELLED: 5,
  PROCESSING: 6
} as const
export type VideoImportStateType = typeof VideoImportState[keyof typeof VideoImportState]

/** PeerTube's labels for each state (its API answers them as they are). */
export const VIDEO_IMPORT_STATE_LABELS: Record<VideoImportStateType, string> = {
  [VideoImportState.PENDING]: 'Pending',
  [VideoImportState.SUCCESS]: 'Success',
  [VideoImportState.FAILED]: 'Failed',
  [VideoImportState.REJECTED]: 'Rejected',
  [VideoImportState.CANCELLED]: 'Cancelled',
  [VideoImportState.PROCESSING]: 'Processing'
}

/** PeerTube's `VideoImport` as the API answers it. */
export interface VideoImportJson {
  id: number
  targetUrl: string | null
  magnetUri: string | null
  torrentName: string | null
  state: { id: VideoImportStateType; label: string }
  error: string | null
  createdAt: string
  updatedAt: string
  /** PeerTube's `Video` (list item); null once the video was deleted. */
  video: Record<string, unknown> | null
}
