// Remote runners. PeerTube's numbers where a runner program depends on them (failures, contact interval).

export const RUNNER_JOBS = {
  /** A job a runner failed this many times is errored for good (PeerTube: 5). */
  MAX_FAILURES: 5,
  /** The runner's lastContact is written at most this often. */
  LAST_CONTACT_UPDATE_INTERVAL_MS: 30_000,
  /** How many pending jobs one request lists. */
  AVAILABLE_JOBS_LIMIT: 10,
  /** Runners are told "available-jobs" at most this often (one notice for a burst of new jobs). */
  NOTIFY_DEBOUNCE_MS: 500
} as const

export const RUNNER_VERIFICATION = {
  /** Outputs checked at once (runner-output-verification jobs): each check runs ffmpeg on the instance's own CPU. */
  CONCURRENCY: 2
} as const

/** Lower runs first, as in PeerTube. */
export const RUNNER_JOB_PRIORITY = {
  LIVE: 0,
  /** The rung that makes a video playable when nothing else can. */
  FIRST_RUNG: 10,
  LADDER: 50
} as const

export const RUNNER_FIELDS = {
  NAME: { min: 1, max: 100 },
  DESCRIPTION: { max: 1000 },
  TOKEN: { min: 1, max: 1000 },
  REASON: { min: 1, max: 5000 }
} as const

/** Tokens are prefixed so they can be told apart in a log or a leak report. */
export const RUNNER_TOKEN_PREFIX = {
  REGISTRATION: 'ptrrt-',
  RUNNER: 'ptrt-',
  JOB: 'ptrjt-'
} as const

export const RUNNER_UPLOAD = {
  /** A result may not be larger than this many times what its rung's bitrate cap allows (plus audio and headroom). */
  SIZE_FACTOR: 2,
  MIN_ALLOWANCE_BYTES: 2 * 1024 * 1024,
  /** Live chunks and playlists. */
  LIVE_CHUNK_MAX_BYTES: 64 * 1024 * 1024,
  PLAYLIST_MAX_BYTES: 1024 * 1024
} as const
