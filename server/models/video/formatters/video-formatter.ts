import { VideoStreamingPlaylistType } from '../../../../shared/models/videos.js'
import { VIDEO_COMMENT_POLICY_LABELS, type VideoCommentPolicyType } from '../../../../shared/models/video-comments.js'
import {
  VIDEO_CATEGORIES, VIDEO_CONSTRAINTS, VIDEO_LANGUAGES, VIDEO_LICENCES, VIDEO_PRIVACIES, VIDEO_STATES, THUMBNAIL_TYPE
} from '../../../initializers/constants/videos.js'
import { LAZY_STATIC_PATHS } from '../../../initializers/constants/static-paths.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { hlsPlaylistUrls, localVideoUrl, trackerUrls } from '../../../helpers/urls/video-urls.js'
import { formatAccount, formatAccountSummary } from '../../account/formatters/account-formatter.js'
import { formatVideoChannel, formatVideoChannelSummary } from '../../account/formatters/video-channel-formatter.js'
import type { VideoModel } from '../video.js'
import type { VideoSummary, VideoWithDetails } from '../video-loaded.js'
import { formatVideoFile, sortFilesByResolution } from './video-file-formatter.js'
import { remoteTrackerUrls } from './remote-video-urls.js'

/** `{ id, label }` of a constant; 'Unknown' for a value with no label (a remote video may carry any language code). */
export function videoConstant<T> (id: T, labels: Record<string | number, string>) {
  const key = id as unknown as string
  return { id, label: id === null || id === undefined || !Object.hasOwn(labels, key) ? 'Unknown' : labels[key] }
}

function imagePath (video: VideoModel, type: number) {
  const image = video.Thumbnails?.find(t => t.type === type)
  if (!image) return null
  return (type === THUMBNAIL_TYPE.MINIATURE ? LAZY_STATIC_PATHS.THUMBNAILS : LAZY_STATIC_PATHS.PREVIEWS) + image.filename
}

export function truncateDescription (text: string | null) {
  if (!text) return null
  const max = VIDEO_CONSTRAINTS.TRUNCATED_DESCRIPTION
  return text.length <= max ? text : text.slice(0, max - 3) + '...'
}

/**
 * PeerTube's `Video` (list item), from a video loaded with `summaryIncludes()`. Lists build the same object from
 * their page rows (video-list-item-formatter.ts).
 */
export function formatVideo (video: VideoSummary) {
  const channel = video.VideoChannel

  return {
    id: video.id,
    uuid: video.uuid,
    shortUUID: toShortUuid(video.uuid),
    url: video.remote ? video.url : localVideoUrl(video.uuid),
    name: video.name,
    category: videoConstant(video.category, VIDEO_CATEGORIES),
    licence: videoConstant(video.licence, VIDEO_LICENCES),
    language: videoConstant(video.language, VIDEO_LANGUAGES),
    privacy: videoConstant(video.privacy, VIDEO_PRIVACIES),
    nsfw: video.nsfw,
    truncatedDescription: truncateDescription(video.description),
    description: truncateDescription(video.description),
    isLocal: !video.remote,
    duration: video.duration,
    aspectRatio: video.aspectRatio,
    views: video.views,
    viewers: video.viewers ?? 0,
    likes: video.likes,
    dislikes: video.dislikes,
    thumbnailPath: imagePath(video, THUMBNAIL_TYPE.MINIATURE),
    previewPath: imagePath(video, THUMBNAIL_TYPE.PREVIEW),
    embedPath: `/videos/embed/${video.uuid}`,
    createdAt: video.createdAt,
    updatedAt: video.updatedAt,
    publishedAt: video.publishedAt,
    originallyPublishedAt: video.originallyPublishedAt,
    isLive: video.isLive,
    account: formatAccountSummary(channel.Account),
    channel: formatVideoChannelSummary(channel),
    state: videoConstant(video.state, VIDEO_STATES),
    waitTranscoding: video.waitTranscoding,
    // Moderation: only its owner and moderators can see a blocked video, so only they read these.
    blacklisted: !!video.VideoBlacklist,
    blacklistedReason: video.VideoBlacklist?.reason ?? null
  }
}

/**
 * PeerTube's `VideoDetails`, from a video loaded with `detailsIncludes()`. `liveRelays` are the mirrors of a live
 * (lib/live/relay knows them: `liveRedundancies`), listed with the HLS playlist's redundancies.
 */
export function formatVideoDetails (video: VideoWithDetails, liveRelays: { baseUrl: string }[] = []) {
  const channel = video.VideoChannel
  const playlists = video.VideoStreamingPlaylists.filter(p => p.type === VideoStreamingPlaylistType.HLS)

  return {
    ...formatVideo(video),
    description: video.description,
    account: formatAccount(channel.Account),
    channel: formatVideoChannel(channel),
    streamingPlaylists: playlists.map(playlist => ({
      id: playlist.id,
      type: playlist.type,
      ...hlsPlaylistUrls(video, playlist),
      // Live relays, and mirrors we checked hold our bytes (or, for a remote video, our own mirror of it).
      redundancies: [
        ...liveRelays,
        ...((playlist as { RedundancyVideos?: { fileUrl: string, state: string }[] }).RedundancyVideos ?? [])
          .filter(r => r.state === 'verified').map(r => ({ baseUrl: r.fileUrl }))
      ],
      files: sortFilesByResolution(playlist.VideoFiles).map(file => formatVideoFile(video, file))
    })),
    files: sortFilesByResolution(video.VideoFiles).map(file => formatVideoFile(video, file)),
    support: video.support,
    descriptionPath: `/api/v1/videos/${video.uuid}/description`,
    tags: video.Tags.map(t => t.name).sort(),
    commentsEnabled: video.commentsEnabled,
    commentsPolicy: { id: video.commentsPolicy, label: VIDEO_COMMENT_POLICY_LABELS[video.commentsPolicy as VideoCommentPolicyType] ?? 'Unknown' },
    downloadEnabled: video.downloadEnabled,
    inputFileUpdatedAt: video.inputFileUpdatedAt,
    trackerUrls: video.remote ? remoteTrackerUrls(video) : trackerUrls()
  }
}
