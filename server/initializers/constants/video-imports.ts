/** Video imports: limits and timings. */
export const VIDEO_IMPORTS = {
  /** PeerTube's limit for an uploaded .torrent. */
  TORRENT_FILE_MAX_BYTES: 1024 * 1024,
  /** How often a running download looks whether its import was cancelled or its video deleted. */
  CANCEL_POLL_MS: 1000,
  /** The job's attempts: a network failure is retried once, a refusal (not a video, too large) never. */
  ATTEMPTS: 2,
  BACKOFF_MS: 10_000,
  /** Stored error texts are cut to this length. */
  ERROR_MAX_LENGTH: 2000,
  /** Content types a direct media URL may answer (besides none at all). */
  MEDIA_CONTENT_TYPES: [ /^video\//, /^audio\//, /^application\/(octet-stream|mp4|ogg|x-matroska|x-flv|mxf|x-mpegurl)$/, /^binary\/octet-stream$/ ],
  /** Content types of web pages, imported through the extractor when one is configured. */
  PAGE_CONTENT_TYPES: [ /^text\/html$/, /^application\/xhtml\+xml$/ ]
} as const
