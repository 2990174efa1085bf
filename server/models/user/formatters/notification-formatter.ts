import { ActorImageType } from '../../../../shared/models/actor-images.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { actorHost, formatActorImages } from '../../account/formatters/account-formatter.js'
import type { ActorModel } from '../../actor/actor.js'
import type { VideoModel } from '../../video/video.js'
import type { UserNotificationModel } from '../user-notification.js'

/** PeerTube's ActorInfo: who did it, with the display name of their account or channel. */
function actorInfo (actor: ActorModel | undefined, id?: number, displayName?: string) {
  if (!actor) return undefined
  const owner = actor as ActorModel & { Account?: { id: number, name: string } | null, VideoChannel?: { id: number, name: string } | null }
  const named = owner.Account ?? owner.VideoChannel ?? undefined
  const avatars = formatActorImages(actor, ActorImageType.AVATAR).map(image => ({ width: image.width, path: image.path }))
  return {
    id: id ?? named?.id ?? actor.id,
    displayName: displayName ?? named?.name ?? actor.preferredUsername,
    name: actor.preferredUsername,
    host: actorHost(actor),
    avatars,
    avatar: avatars[0]
  }
}

function videoInfo (video: VideoModel | null | undefined) {
  if (!video) return undefined
  return { id: video.id, uuid: video.uuid, shortUUID: toShortUuid(video.uuid), name: video.name }
}

function followingType (actor: ActorModel) {
  if (actor.type === 'Group') return 'channel'
  if (actor.type === 'Application') return 'instance'
  return 'account'
}

/** PeerTube's `UserNotification`; members about objects the notification does not concern are left out. */
export function formatNotification (notification: UserNotificationModel) {
  const video = notification.Video
  const details = notification.details ?? {}
  const follow = notification.ActorFollow
  const account = notification.Account

  const formattedVideo = video
    ? { ...videoInfo(video)!, channel: actorInfo(video.VideoChannel?.Actor, video.VideoChannel?.id, video.VideoChannel?.name) }
    : undefined

  return {
    id: notification.id,
    type: notification.type,
    read: notification.read,
    video: details.comment || details.abuse || details.videoBlacklist || details.videoImport ? undefined : formattedVideo,
    account: !details.comment && !details.abuse && account ? actorInfo(account.Actor, account.id, account.name) : undefined,
    actorFollow: follow && follow.ActorFollower && follow.ActorFollowing
      ? {
        id: follow.id,
        follower: actorInfo(follow.ActorFollower),
        state: follow.state,
        following: {
          type: followingType(follow.ActorFollowing),
          name: follow.ActorFollowing.preferredUsername,
          displayName: actorInfo(follow.ActorFollowing)!.displayName,
          host: actorHost(follow.ActorFollowing)
        }
      }
      : undefined,
    registration: notification.UserRegistration
      ? { id: notification.UserRegistration.id, username: notification.UserRegistration.username }
      : undefined,
    comment: details.comment
      ? {
        id: details.comment.id,
        threadId: details.comment.threadId,
        heldForReview: details.comment.heldForReview,
        account: account ? actorInfo(account.Actor, account.id, account.name) : undefined,
        video: videoInfo(video)
      }
      : undefined,
    abuse: details.abuse
      ? {
        id: details.abuse.id,
        state: details.abuse.state,
        // A comment's report names the video through its comment, as PeerTube does.
        video: details.abuse.comment ? undefined : videoInfo(video),
        comment: details.abuse.comment ? { threadId: details.abuse.comment.threadId, video: videoInfo(video) } : undefined,
        account: account ? actorInfo(account.Actor, account.id, account.name) : undefined
      }
      : undefined,
    videoBlacklist: details.videoBlacklist ? { id: details.videoBlacklist.id, video: videoInfo(video) } : undefined,
    // PeerTube's: the import that succeeded or failed, with its video.
    videoImport: details.videoImport ? { ...details.videoImport, video: videoInfo(video) } : undefined,
    // Ours: why a transcoding failed.
    reason: details.reason,
    createdAt: notification.createdAt,
    updatedAt: notification.updatedAt
  }
}

export type FormattedNotification = ReturnType<typeof formatNotification>
