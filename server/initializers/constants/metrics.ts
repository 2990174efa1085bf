// OpenTelemetry metrics (issue 21): what the Prometheus exporter exposes and how it is computed.

/** Name of our meter (PeerTube's exporter shows its scope the same way). */
export const METER_NAME = 'tubeless'

/**
 * Instance counts (users, videos...) come from one SQL query, shared by every gauge of a scrape and kept a
 * little: Prometheus scrapes every 15 s or so, and several scrapers must not multiply the queries.
 */
export const METRICS_STATS_CACHE_MS = process.env.NODE_ENV === 'test' ? 500 : 10_000

/** A player's peer count is shown this many playback intervals after its last report, then forgotten. */
export const PLAYBACK_PEERS_KEPT_INTERVALS = 2

/** Playback reports accepted per client address and minute (a player sends one every 15 s by default). */
export const PLAYBACK_REPORTS_RATE_LIMIT = { WINDOW_MS: 60_000, MAX: process.env.NODE_ENV === 'test' ? 30 : 60 }

/** HTTP request durations, in milliseconds (PeerTube's histogram is in ms too). */
export const HTTP_DURATION_BUCKETS_MS = [ 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000 ]

/** Transcoding job durations, in seconds. */
export const TRANSCODING_DURATION_BUCKETS_S = [ 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200 ]

/** Garbage collection pauses, in seconds. */
export const GC_DURATION_BUCKETS_S = [ 0.001, 0.01, 0.1, 1, 2, 5 ]

/** Methods labelled as themselves; anything else is `OTHER` (a label value per invented method would be unbounded). */
export const HTTP_METHODS = [ 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS' ] as const
