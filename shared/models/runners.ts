// Remote runners, as PeerTube 6.3's runner protocol shapes them (REST /api/v1/runners/...): PeerTube's own
// runner program and ours speak it.

export const RunnerJobState = {
  PENDING: 1,
  PROCESSING: 2,
  COMPLETED: 3,
  ERRORED: 4,
  WAITING_FOR_PARENT_JOB: 5,
  CANCELLED: 6,
  PARENT_ERRORED: 7,
  PARENT_CANCELLED: 8,
  /** The runner posted its result; the instance is checking and storing it. */
  COMPLETING: 9
} as const
export type RunnerJobStateType = typeof RunnerJobState[keyof typeof RunnerJobState]

export const RUNNER_JOB_STATE_LABELS: Record<RunnerJobStateType, string> = {
  1: 'Pending',
  2: 'Processing',
  3: 'Completed',
  4: 'Errored',
  5: 'Waiting for parent job',
  6: 'Cancelled',
  7: 'Parent had an error',
  8: 'Parent has been cancelled',
  9: 'Completing'
}

export const VOD_RUNNER_JOB_TYPES = [ 'vod-web-video-transcoding', 'vod-hls-transcoding', 'vod-audio-merge-transcoding' ] as const
export const RUNNER_JOB_TYPES = [ ...VOD_RUNNER_JOB_TYPES, 'live-rtmp-hls-transcoding' ] as const
export type RunnerJobType = typeof RUNNER_JOB_TYPES[number]

export interface RunnerJobOutputSettings {
  resolution: number
  fps: number
  /** Ours: the encoder profile to use (see transcoding.availableProfiles). PeerTube's runner ignores it. */
  profile?: string
}

export interface VodWebVideoPayload {
  input: { videoFileUrl: string; separatedAudioFileUrl: string[] }
  output: RunnerJobOutputSettings
}

export interface VodHlsPayload {
  input: { videoFileUrl: string; separatedAudioFileUrl: string[] }
  output: RunnerJobOutputSettings & { separatedAudio: boolean }
}

export interface VodAudioMergePayload {
  input: { audioFileUrl: string; previewFileUrl: string }
  output: RunnerJobOutputSettings
}

export interface LiveRtmpHlsPayload {
  input: { rtmpUrl: string }
  output: {
    toTranscode: { resolution: number; fps: number }[]
    segmentDuration: number
    segmentListSize: number
  }
}

export type RunnerJobPayload = VodWebVideoPayload | VodHlsPayload | VodAudioMergePayload | LiveRtmpHlsPayload

export interface RunnerSummary {
  id: number
  name: string
  description: string | null
}

export interface RunnerJob {
  uuid: string
  type: RunnerJobType
  state: { id: RunnerJobStateType; label: string }
  payload: RunnerJobPayload
  failures: number
  error: string | null
  progress: number | null
  priority: number
  startedAt: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
  parent?: { uuid: string; type: RunnerJobType; state: { id: RunnerJobStateType; label: string } }
  runner: RunnerSummary | null
}

export interface RunnerJobAdmin extends RunnerJob {
  privatePayload: Record<string, unknown>
}

export interface Runner {
  id: number
  name: string
  description: string | null
  ip: string | null
  lastContact: string
  createdAt: string
  updatedAt: string
  // Ours, beside PeerTube's fields:
  /** Outputs of a trusted runner skip the spot check (they are still probed and decoded). */
  trusted: boolean
  /** Set when the runner was disabled (by an administrator, or after repeated verification failures). */
  disabledReason: string | null
  verificationFailures: number
  /** Encoder profiles the runner said it can use. */
  encoderProfiles: string[]
  /** Jobs it holds now. */
  processingJobs: number
  completedJobs: number
}

export interface RunnerRegistrationToken {
  id: number
  registrationToken: string
  createdAt: string
  updatedAt: string
  registeredRunnersCount: number
}
