import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { UserRight } from '../../../../shared/models/users.js'
import { actorHost } from '../../../models/account/formatters/account-formatter.js'
import { AccountModel } from '../../../models/account/account.js'
import { VideoChannelModel } from '../../../models/account/video-channel.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { findUserIdOfActor, listUserIdsWithRight } from '../../../models/user/queries/notification-recipients.js'
import type { NotificationEvent } from '../notification-event.js'
import { adminUrl, notificationsUrl } from './links.js'

async function displayNameOf (actor: ActorModel) {
  const owner = actor.type === 'Group'
    ? await VideoChannelModel.findOne({ where: { actorId: actor.id }, attributes: [ 'name' ] })
    : await AccountModel.findOne({ where: { actorId: actor.id }, attributes: [ 'name' ] })
  return owner?.name ?? actor.preferredUsername
}

const handleOf = (actor: ActorModel) => `${actor.preferredUsername}@${actorHost(actor)}`

/**
 * Someone follows one of our actors: the owner of an account or channel is told (NEW_FOLLOW), administrators of
 * the instance when it is the server actor (NEW_INSTANCE_FOLLOWER). A user following their own channel is not.
 */
export async function newFollow ({ actorFollowId }: { actorFollowId: number }): Promise<NotificationEvent[]> {
  const follow = await ActorFollowModel.loadWithActors(actorFollowId)
  if (!follow || follow.state === 'rejected') return []
  const follower = follow.ActorFollower!
  const target = follow.ActorFollowing!
  if (!target.isLocal()) return []
  const followerName = await displayNameOf(follower)

  if (target.type === 'Application') {
    return [ {
      type: UserNotificationType.NEW_INSTANCE_FOLLOWER,
      setting: 'newInstanceFollower',
      userIds: await listUserIdsWithRight(UserRight.MANAGE_SERVER_FOLLOW),
      refs: { actorFollowId },
      dedupKey: `follow:${actorFollowId}`,
      email: {
        subject: 'New instance follower',
        paragraphs: [ `${handleOf(follower)} follows your instance${follow.state === 'pending' ? ' and waits for your approval' : ''}.` ],
        action: { text: 'See the followers', url: adminUrl('follows') }
      }
    } ]
  }

  const ownerUserId = await findUserIdOfActor(target.id)
  const followerUserId = follower.isLocal() ? await findUserIdOfActor(follower.id) : undefined
  if (ownerUserId === undefined || ownerUserId === followerUserId) return []
  const targetName = await displayNameOf(target)

  return [ {
    type: UserNotificationType.NEW_FOLLOW,
    setting: 'newFollow',
    userIds: [ ownerUserId ],
    refs: { actorFollowId },
    dedupKey: `follow:${actorFollowId}`,
    email: {
      subject: `${followerName} follows ${targetName}`,
      paragraphs: [ `${followerName} (${handleOf(follower)}) now follows ${target.type === 'Group' ? 'your channel' : 'you'}: ${targetName}.` ],
      action: { text: 'See your notifications', url: notificationsUrl() }
    }
  } ]
}

/** The instance followed back an instance that followed it (federation.followings.instance.auto_follow_back). */
export async function autoInstanceFollowing ({ actorFollowId }: { actorFollowId: number }): Promise<NotificationEvent[]> {
  const follow = await ActorFollowModel.loadWithActors(actorFollowId)
  if (!follow) return []
  return [ {
    type: UserNotificationType.AUTO_INSTANCE_FOLLOWING,
    setting: 'autoInstanceFollowing',
    userIds: await listUserIdsWithRight(UserRight.MANAGE_SERVER_FOLLOW),
    refs: { actorFollowId },
    dedupKey: `auto-follow:${actorFollowId}`,
    email: {
      subject: 'Your instance followed another instance',
      paragraphs: [ `Your instance now follows ${actorHost(follow.ActorFollowing!)} (it followed you first).` ],
      action: { text: 'See the followings', url: adminUrl('follows') }
    }
  } ]
}
