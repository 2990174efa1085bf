import type { VideoSummary } from '../video/video-loaded.js'
import type { AbuseModel } from './abuse.js'
import type { VideoBlacklistModel } from './video-blacklist.js'

// Moderation rows as their finders loaded them (see video/video-loaded.ts): the formatters take these types, so a
// row loaded without its video's channel and account does not compile where it is formatted.

/** A block with the video it hides, as formatVideo needs it: `listVideoBlocks`. */
export type VideoBlockWithVideo = VideoBlacklistModel & { Video: VideoSummary }

/** A report with its video as it is now (null once deleted: the snapshot stands in): `listAbuses`, `loadAbuse`. */
export type AbuseWithVideo = AbuseModel & { Video?: VideoSummary | null }
