import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'

export const VIDEO_STATES: Record<number, string> = {
  [VideoState.PUBLISHED]: 'Published',
  [VideoState.TO_TRANSCODE]: 'To transcode',
  [VideoState.TO_IMPORT]: 'To import',
  [VideoState.WAITING_FOR_LIVE]: 'Waiting for livestream',
  [VideoState.LIVE_ENDED]: 'Livestream ended',
  [VideoState.TO_MOVE_TO_EXTERNAL_STORAGE]: 'To move to an external storage',
  [VideoState.TRANSCODING_FAILED]: 'Transcoding failed',
  [VideoState.TO_MOVE_TO_EXTERNAL_STORAGE_FAILED]: 'External storage move failed',
  [VideoState.TO_EDIT]: 'To edit',
  [VideoState.TO_MOVE_TO_FILE_SYSTEM]: 'To move to file system',
  [VideoState.TO_MOVE_TO_FILE_SYSTEM_FAILED]: 'Move to file system failed'
}

export const VIDEO_PRIVACIES: Record<number, string> = {
  [VideoPrivacy.PUBLIC]: 'Public',
  [VideoPrivacy.UNLISTED]: 'Unlisted',
  [VideoPrivacy.PRIVATE]: 'Private',
  [VideoPrivacy.INTERNAL]: 'Internal',
  [VideoPrivacy.PASSWORD_PROTECTED]: 'Password protected'
}

/** The privacies this instance accepts on upload and update (password protection is not supported yet). */
export const SUPPORTED_PRIVACIES = [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL ] as const

// PeerTube's ids, so categories and licences keep their meaning across federated instances.
export const VIDEO_CATEGORIES: Record<number, string> = {
  1: 'Music',
  2: 'Films',
  3: 'Vehicles',
  4: 'Art',
  5: 'Sports',
  6: 'Travels',
  7: 'Gaming',
  8: 'People',
  9: 'Comedy',
  10: 'Entertainment',
  11: 'News & Politics',
  12: 'How To',
  13: 'Education',
  14: 'Activism',
  15: 'Science & Technology',
  16: 'Animals',
  17: 'Kids',
  18: 'Food'
}

export const VIDEO_LICENCES: Record<number, string> = {
  1: 'Attribution',
  2: 'Attribution - Share Alike',
  3: 'Attribution - No Derivatives',
  4: 'Attribution - Non Commercial',
  5: 'Attribution - Non Commercial - Share Alike',
  6: 'Attribution - Non Commercial - No Derivatives',
  7: 'Public Domain Dedication'
}

/** ISO 639 codes (as PeerTube uses them) of the languages offered for videos. */
export const VIDEO_LANGUAGES: Record<string, string> = {
  ar: 'Arabic', bn: 'Bengali', ca: 'Catalan', cs: 'Czech', cy: 'Welsh', da: 'Danish', de: 'German', el: 'Greek',
  en: 'English', eo: 'Esperanto', es: 'Spanish', eu: 'Basque', fa: 'Persian', fi: 'Finnish', fr: 'French',
  ga: 'Irish', gd: 'Gaelic', gl: 'Galician', he: 'Hebrew', hi: 'Hindi', hr: 'Croatian', hu: 'Hungarian',
  id: 'Indonesian', is: 'Icelandic', it: 'Italian', ja: 'Japanese', jbo: 'Lojban', kab: 'Kabyle', ko: 'Korean',
  lt: 'Lithuanian', lv: 'Latvian', ms: 'Malay', nl: 'Dutch', no: 'Norwegian', oc: 'Occitan', pl: 'Polish',
  pt: 'Portuguese', ro: 'Romanian', ru: 'Russian', sk: 'Slovak', sl: 'Slovenian', sq: 'Albanian', sr: 'Serbian',
  sv: 'Swedish', sw: 'Swahili', ta: 'Tamil', th: 'Thai', tr: 'Turkish', uk: 'Ukrainian', vi: 'Vietnamese',
  zh: 'Chinese', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese'
}

export const VIDEO_CONSTRAINTS = {
  NAME: { min: 3, max: 120 },
  DESCRIPTION: { min: 3, max: 10_000 },
  SUPPORT: { min: 3, max: 1000 },
  TAG: { min: 2, max: 30 },
  TAGS: { max: 5 },
  TRUNCATED_DESCRIPTION: 250
} as const

export const THUMBNAIL_TYPE = { MINIATURE: 1, PREVIEW: 2 } as const

/** How often one viewer (IP + video) may add a view. */
export const VIEW_LIFETIME_MS = 60 * 60 * 1000

/**
 * Views other instances send for our videos (PeerTube's View activity): one per activity id within
 * VIEW_LIFETIME_MS (longer than the signatures' clock skew), and at most this many per instance and video in that
 * window, so one server cannot make up a video's audience.
 */
export const REMOTE_VIEWS_PER_INSTANCE_AND_VIDEO = 200

/** How long the files a new rendition replaced stay on disk, for viewers who are playing them. */
export const REPLACED_FILES_GRACE_MS = 60 * 60 * 1000

/**
 * How often due scheduled publications are looked for: every minute, as PeerTube (a video goes public at most a
 * minute late). Test instances look every second so tests need not wait.
 */
export const SCHEDULED_VIDEO_UPDATES_INTERVAL_MS = process.env.NODE_ENV === 'test' ? 1000 : 60_000
