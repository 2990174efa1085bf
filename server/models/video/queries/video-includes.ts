import type { Includeable } from 'sequelize'
import { VideoChannelModel } from '../../account/video-channel.js'
import { VideoBlacklistModel } from '../../moderation/video-blacklist.js'
import { TagModel } from '../tag.js'
import { ThumbnailModel } from '../thumbnail.js'
import { TrackerModel } from '../tracker.js'
import { VideoCaptionModel } from '../video-caption.js'
import { StoryboardModel } from '../storyboard.js'
import { VideoFileModel } from '../video-file.js'
import { VideoStreamingPlaylistModel } from '../video-streaming-playlist.js'
import { VideoLiveModel } from '../../live/video-live.js'
import { VideoRedundancyModel } from '../../redundancy/video-redundancy.js'

// What each kind of read loads with a video. Kept in one place so formatters always find what they need.

export function channelWithOwnerInclude (): Includeable {
  return { model: VideoChannelModel, required: true, include: VideoChannelModel.fullInclude() }
}

/** For list items (formatVideo). */
export function summaryIncludes (): Includeable[] {
  return [ channelWithOwnerInclude(), { model: ThumbnailModel, required: false }, videoBlockInclude() ]
}

/** For a video page (formatVideoDetails) and for the ActivityPub object. */
export function detailsIncludes (): Includeable[] {
  return [
    ...summaryIncludes(),
    { model: VideoFileModel, required: false, include: [ redundanciesInclude() ] },
    { model: VideoStreamingPlaylistModel, required: false, include: [ { model: VideoFileModel, required: false, include: [ redundanciesInclude() ] }, redundanciesInclude() ] },
    { model: TagModel, required: false, through: { attributes: [] } },
    { model: TrackerModel, required: false, through: { attributes: [] } },
    { model: VideoLiveModel, required: false },
    // Its own query: joined, it would multiply the rows of files and tags.
    { model: VideoCaptionModel, required: false, separate: true },
    { model: StoryboardModel, required: false }
  ]
}

/** A video's block, for who may see it and the `blacklisted` fields (moderation). */
export function videoBlockInclude (): Includeable {
  return { model: VideoBlacklistModel, required: false }
}

/** Mirrors of a file or playlist (ours and other instances'); formatters list the verified ones. */
export function redundanciesInclude (): Includeable {
  return { model: VideoRedundancyModel, as: 'RedundancyVideos', required: false, attributes: [ 'id', 'fileUrl', 'state', 'actorId' ] }
}
