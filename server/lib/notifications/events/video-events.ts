import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { UserRight } from '../../../../shared/models/users.js'
import { VideoPrivacy, VideoState } from '../../../../shared/models/videos.js'
import { findOwnerUserIdOfVideo, listSubscriberUserIds, listUserIdsWithRight } from '../../../models/user/queries/notification-recipients.js'
import { summaryIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import { VideoImportModel } from '../../../models/video/video-import.js'
import type { NotificationEvent } from '../notification-event.js'
import { adminUrl, myImportsUrl, myVideosUrl, watchUrl } from './links.js'

async function loadVideo (videoId: number) {
  return VideoModel.findByPk(videoId, { include: summaryIncludes() })
}

/**
 * A public video appeared on a channel: its subscribers (other than its owner) are told, unless they muted its
 * account or server. A blocked video is news for nobody (an auto-blocked one is announced when a moderator
 * accepts it: its first Create goes out then).
 */
export async function newVideoFromSubscription ({ videoId }: { videoId: number }): Promise<NotificationEvent[]> {
  const video = await loadVideo(videoId)
  if (!video || video.privacy !== VideoPrivacy.PUBLIC || video.state !== VideoState.PUBLISHED || video.VideoBlacklist) return []
  const channel = video.VideoChannel!
  const ownerUserId = channel.Account?.userId ?? null
  const userIds = (await listSubscriberUserIds(channel.actorId as number)).filter(id => id !== ownerUserId)

  return [ {
    type: UserNotificationType.NEW_VIDEO_FROM_SUBSCRIPTION,
    setting: 'newVideoFromSubscription',
    userIds,
    refs: { videoId },
    fromAccountId: channel.accountId,
    dedupKey: `new-video:${videoId}`,
    email: {
      subject: `${channel.name} just published a new video`,
      paragraphs: [ `${channel.name}, a channel you subscribed to, published "${video.name}".` ],
      action: { text: 'Watch the video', url: watchUrl(video) }
    }
  } ]
}

/**
 * Every rendition of the owner's video is ready, or a moderator accepted it after an auto-block, whichever comes
 * last: a video waiting for review is not published yet (its acceptance reports this event again).
 */
export async function myVideoPublished ({ videoId }: { videoId: number }): Promise<NotificationEvent[]> {
  const [ video, ownerUserId ] = await Promise.all([ loadVideo(videoId), findOwnerUserIdOfVideo(videoId) ])
  if (!video || ownerUserId === undefined || video.remote || video.VideoBlacklist || video.state !== VideoState.PUBLISHED) return []
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

/**
 * A new video was auto-blocked (auto_blacklist.videos.of_users): the moderators who review blocked videos are told
 * (VIDEO_AUTO_BLACKLIST_FOR_MODERATORS), and its owner learns it waits for them (BLACKLIST_ON_MY_VIDEO).
 */
export async function videoAutoBlocked ({ videoId, videoBlacklistId }: { videoId: number, videoBlacklistId: number }): Promise<NotificationEvent[]> {
  const [ video, ownerUserId, moderatorIds ] = await Promise.all([
    loadVideo(videoId), findOwnerUserIdOfVideo(videoId), listUserIdsWithRight(UserRight.MANAGE_VIDEO_BLACKLIST)
  ])
  if (!video || !video.VideoBlacklist) return []
  const refs = { videoId, details: { videoBlacklist: { id: videoBlacklistId } } }

  const events: NotificationEvent[] = [ {
    type: UserNotificationType.VIDEO_AUTO_BLACKLIST_FOR_MODERATORS,
    setting: 'videoAutoBlacklistAsModerator',
    userIds: moderatorIds.filter(id => id !== ownerUserId),
    refs,
    dedupKey: `video-auto-block:${videoBlacklistId}`,
    email: {
      subject: `A new video waits for your review: "${video.name}"`,
      paragraphs: [ `"${video.name}", by ${video.VideoChannel!.name}, was held for review when it was uploaded.` ],
      action: { text: 'Review the blocked videos', url: adminUrl('moderation/video-blocks') }
    }
  } ]
  if (ownerUserId !== undefined) {
    events.push({
      type: UserNotificationType.BLACKLIST_ON_MY_VIDEO,
      setting: 'blacklistOnMyVideo',
      userIds: [ ownerUserId ],
      refs,
      dedupKey: `video-block:${videoBlacklistId}:on`,
      email: {
        subject: `Your video "${video.name}" waits for a moderator`,
        paragraphs: [ `Your video "${video.name}" will be published once a moderator of the instance has reviewed it.` ],
        action: { text: 'See your videos', url: myVideosUrl() }
      }
    })
  }
  return events
}

/** The owner's import ended: its video is being transcoded (success), or the import failed with its reason. */
export async function myVideoImportFinished ({ videoImportId, success, reason }: { videoImportId: number, success: boolean, reason?: string }): Promise<NotificationEvent[]> {
  const videoImport = await VideoImportModel.findByPk(videoImportId, { attributes: [ 'id', 'userId', 'videoId', 'targetUrl', 'magnetUri', 'torrentName' ] })
  if (!videoImport) return []
  const video = videoImport.videoId ? await loadVideo(videoImport.videoId) : null
  const source = videoImport.targetUrl ?? videoImport.torrentName ?? videoImport.magnetUri ?? ''
  const details = { videoImport: { id: videoImport.id, targetUrl: videoImport.targetUrl, magnetUri: videoImport.magnetUri, torrentName: videoImport.torrentName }, ...(reason ? { reason } : {}) }
  return [ {
    type: success ? UserNotificationType.MY_VIDEO_IMPORT_SUCCESS : UserNotificationType.MY_VIDEO_IMPORT_ERROR,
    setting: 'myVideoImportFinished',
    userIds: [ videoImport.userId ],
    refs: { videoId: video?.id, details },
    dedupKey: `video-import:${videoImport.id}:${success ? 'success' : 'error'}`,
    email: success
      ? {
        subject: `Your video import "${video?.name ?? source}" is complete`,
        paragraphs: [ `The video imported from ${source} was downloaded; it is published once transcoded.` ],
        action: { text: 'See your imports', url: myImportsUrl() }
      }
      : {
        subject: `Your video import "${video?.name ?? source}" failed`,
        paragraphs: [ `The import from ${source} failed${reason ? `: ${reason}` : '.'}` ],
        action: { text: 'See your imports', url: myImportsUrl() }
      }
  } ]
}
