/** How video lists count their matches (see models/video/queries/video-list/video-list-count.ts). */
export const VIDEO_LIST_COUNT = {
  /** `total` is exact up to this many matches. */
  EXACT_UP_TO: 1000,
  /** Above this planner estimate, no count is run at all: `total` is the estimate. */
  TRUST_ESTIMATE_ABOVE: 10_000,
  ESTIMATE_CACHE_MS: 10_000,
  ESTIMATE_CACHE_ENTRIES: 1000
} as const

/** How search ranks its matches (see models/video/queries/video-list/video-search.ts). */
export const VIDEO_SEARCH = {
  /** The first matches (in tier, then date order) re-ranked by similarity for `sort=-match`. */
  RANKED_WINDOW: 50,
  /** Closest vocabulary words a word that no name contains is replaced by. */
  CORRECTIONS_PER_WORD: 5,
  /** pg_trgm word similarity a correction must have with the typed word (PeerTube's `<%` uses 0.6 on whole names). */
  CORRECTION_MIN_WORD_SIMILARITY: 0.5,
  /** Words one swap of neighbouring letters away are corrections from this length ("teh" → "the"). */
  TRANSPOSITIONS_FROM_LENGTH: 3,
  /** Words one letter shorter are corrections from this length (shorter words have too many such neighbours). */
  DELETIONS_FROM_LENGTH: 5,
  /** Words with one letter replaced are corrections from this length ("lunux" → "linux"). */
  SUBSTITUTIONS_FROM_LENGTH: 4,
  /** Words with one letter more are corrections from this length ("linx" → "linux"). */
  INSERTIONS_FROM_LENGTH: 3,
  /** Replaced and missing letters are tried up to this length (a candidate per letter and position). */
  EDITS_BY_LETTER_UP_TO_LENGTH: 20,
  /** The letters tried (the vocabulary is lowercase and unaccented). */
  EDIT_ALPHABET: 'abcdefghijklmnopqrstuvwxyz0123456789',
  /**
   * A query of several words walks its rarest word's postings when the planner expects at least this many videos to
   * have them all; fewer, the full-text index's matches are read and sorted instead.
   */
  WALK_FROM_MATCHES: 1000,
  /** Postings counted per word of a query to find its rarest word (the one walked in date order). */
  RAREST_WORD_COUNT_UP_TO: 2000,
  /** Words of a query used (more are ignored). */
  MAX_WORDS: 10
} as const

/** How `total` of a video list is computed, for the API description (same rule as video-list-count.ts). */
export const VIDEO_LIST_TOTAL_DESCRIPTION =
  `\`total\` is exact when the list has at most ${VIDEO_LIST_COUNT.EXACT_UP_TO.toLocaleString('en')} matches. Above that it is ` +
  'estimated from the database statistics, never lower than the videos known to exist: a page that is full always ' +
  'has total > start + count when more videos follow, so clients that page while start + count < total reach every ' +
  'video. On the last page (fewer items than count) and past the end, total is exact again (start + the items ' +
  'returned, or the exact count). With skipCount=true, total is only start + the items returned (+1 when more follow).'

/** Which list statements are kept prepared (see models/video/queries/video-list/prepared-select.ts). */
export const VIDEO_LIST_PREPARED = {
  /** Uses among the recent statements before one is prepared. */
  PREPARE_AFTER_USES: 3,
  /** Recent statements whose uses are counted. */
  TRACKED_STATEMENTS: 500,
  /** Prepared list statements per database connection (each plan holds about 1 MB in its backend). */
  PER_CONNECTION: 8
} as const
