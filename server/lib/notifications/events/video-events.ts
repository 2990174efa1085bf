import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { findOwnerUserIdOfVideo, listSubscriberUserIds } from '../../../models/user/queries/notification-recipients.js'
import { summaryIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import type { NotificationEvent } from '../notification-event.js'
import { myVideosUrl, watchUrl } from './links.js'

async function loadVideo (videoId: number) {
  return VideoModel.findByPk(videoId, { include: summaryIncludes() })
}

/** A public video appeared on a channel: its subscribers (other than its owner) are told. */
export async function newVideoFromSubscription ({ videoId }: { videoId: number }): Promise<NotificationEvent[]> {
  const video = await loadVideo(videoId)
  if (!video || video.privacy !== VideoPrivacy.PUBLIC || video.state !== VideoState.PUBLISHED) return []
  const channel = video.VideoChannel!
  const ownerUserId = channel.Account?.userId ?? null
  const userIds = (await listSubscriberUserIds(channel.actorId as number)).filter(id => id !== ownerUserId)

  return [ {
    type: UserNotificationType.NEW_VIDEO_FROM_SUBSCRIPTION,
    setting: 'newVideoFromSubscription',
    userIds,
    refs: { videoId },
    dedupKey: `new-video:${videoId}`,
    email: {
      subject: `${channel.name} just published a new video`,
      paragraphs: [ `${channel.name}, a channel you subscribed to, published "${video.name}".` ],
      action: { text: 'Watch the video', url: watchUrl(video) }
    }
  } ]
}

/** Every rendition of the owner's video is ready. */
export async function myVideoPublished ({ videoId }: { videoId: number }): Promise<NotificationEvent[]> {
  const [ video, ownerUserId ] = await Promise.all([ loadVideo(videoId), findOwnerUserIdOfVideo(videoId) ])
  if (!video || ownerUserId === undefined || video.remote) return []
  return [ {
    type: UserNotificationType.MY_VIDEO_PUBLISHED,
    setting: 'myVideoPublished',
    userIds: [ ownerUserId ],
    refs: { videoId },
    dedupKey: `video-published:${videoId}`,
    email: {
      subject: `Your video "${video.name}" is published`,
      paragraphs: [ `Your video "${video.name}" has been transcoded in every resolution: it is published.` ],
      action: { text: 'Watch it', url: watchUrl(video) }
    }
  } ]
}

/** The last transcoding attempt of the owner's video failed. */
export async function myVideoTranscodingFailed ({ videoId, reason }: { videoId: number, reason: string }): Promise<NotificationEvent[]> {
  const [ video, ownerUserId ] = await Promise.all([ loadVideo(videoId), findOwnerUserIdOfVideo(videoId) ])
  if (!video || ownerUserId === undefined || video.remote) return []
  return [ {
    type: UserNotificationType.MY_VIDEO_TRANSCODING_FAILED,
    setting: 'myVideoTranscodingFailed',
    userIds: [ ownerUserId ],
    refs: { videoId, details: { reason } },
    dedupKey: `transcoding-failed:${videoId}:${video.updatedAt.getTime()}`,
    email: {
      subject: `The transcoding of "${video.name}" failed`,
      paragraphs: [ `Your video "${video.name}" could not be transcoded: ${reason}` ],
      action: { text: 'See your videos', url: myVideosUrl() }
    }
  } ]
}

/** A moderator blocked (or unblocked) the owner's video. Reported by the moderation module. */
export async function videoBlockChanged ({ videoId, videoBlacklistId, blocked, reason }: {
  videoId: number
  videoBlacklistId: number
  blocked: boolean
  reason?: string | null
}): Promise<NotificationEvent[]> {
  const [ video, ownerUserId ] = await Promise.all([ loadVideo(videoId), findOwnerUserIdOfVideo(videoId) ])
  if (!video || ownerUserId === undefined) return []
  return [ {
    type: blocked ? UserNotificationType.BLACKLIST_ON_MY_VIDEO : UserNotificationType.UNBLACKLIST_ON_MY_VIDEO,
    setting: 'blacklistOnMyVideo',
    userIds: [ ownerUserId ],
    refs: { videoId, details: { videoBlacklist: { id: videoBlacklistId } } },
    dedupKey: `video-block:${videoBlacklistId}:${blocked ? 'on' : 'off'}`,
    email: blocked
      ? {
        subject: `Your video "${video.name}" has been blocked`,
        paragraphs: [ `A moderator blocked your video "${video.name}".`, ...(reason ? [ `Reason: ${reason}` ] : []) ],
        action: { text: 'See your videos', url: myVideosUrl() }
      }
      : {
        subject: `Your video "${video.name}" has been unblocked`,
        paragraphs: [ `A moderator unblocked your video "${video.name}": it is visible again.` ],
        action: { text: 'Watch it', url: watchUrl(video) }
      }
  } ]
}
