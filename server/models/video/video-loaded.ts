import type { AccountModel } from '../account/account.js'
import type { VideoChannelModel } from '../account/video-channel.js'
import type { TagModel } from './tag.js'
import type { ThumbnailModel } from './thumbnail.js'
import type { VideoFileModel } from './video-file.js'
import type { VideoImportModel } from './video-import.js'
import type { VideoPlaylistElementModel } from './video-playlist-element.js'
import type { VideoStreamingPlaylistModel } from './video-streaming-playlist.js'
import type { VideoModel } from './video.js'

// Models as a query loaded them. A model's associations are optional (`VideoChannel?`) because most queries do not
// load them; these types say which ones a finder did load, so a formatter that needs the channel takes a type that
// has it and tsc refuses a video loaded without it. Finders that load them (queries/video-includes.ts) return them.

/** M with the associations K loaded. */
export type Loaded<M, K extends keyof M> = M & { [P in K]-?: NonNullable<M[P]> }

export type AccountWithActor = Loaded<AccountModel, 'Actor'>

/** A channel with its actor and its owner's account (and the account's actor): `VideoChannelModel.fullInclude()`. */
export type ChannelWithOwner = Loaded<VideoChannelModel, 'Actor'> & { Account: AccountWithActor }

/** What `summaryIncludes()` loads: what `formatVideo` needs (a list item). Thumbnails may be missing (no image yet). */
export type VideoSummary = VideoModel & { VideoChannel: ChannelWithOwner, Thumbnails?: ThumbnailModel[] }

/** What `detailsIncludes()` loads: what `formatVideoDetails` and the ActivityPub object need. */
export type VideoWithDetails = VideoSummary & {
  VideoFiles: VideoFileModel[]
  VideoStreamingPlaylists: (VideoStreamingPlaylistModel & { VideoFiles: VideoFileModel[] })[]
  Tags: TagModel[]
}

/** A playlist element with its video as formatVideo needs it (null once deleted): `listPlaylistElements`. */
export type PlaylistElementWithVideo = VideoPlaylistElementModel & { Video?: VideoSummary | null }

/** An import with its video as formatVideo needs it (null once deleted): `loadWithVideo`, `listForUser`. */
export type VideoImportWithVideo = VideoImportModel & { Video?: VideoSummary | null }
