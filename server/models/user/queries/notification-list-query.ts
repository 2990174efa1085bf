import { Op, type Includeable, type WhereOptions } from 'sequelize'
import { AccountModel } from '../../account/account.js'
import { VideoChannelModel } from '../../account/video-channel.js'
import { ActorFollowModel } from '../../actor/actor-follow.js'
import { ActorImageModel } from '../../actor/actor-image.js'
import { ActorModel } from '../../actor/actor.js'
import { ServerModel } from '../../server/server.js'
import { VideoModel } from '../../video/video.js'
import { UserNotificationModel } from '../user-notification.js'
import { UserRegistrationModel } from '../user-registration.js'
import { sortToOrder } from './list-sort.js'

/** An actor with what ActorInfo needs: host, avatars, and the account or channel that gives its display name. */
function actorWithOwner (as?: string): Includeable {
  return {
    model: ActorModel,
    ...(as ? { as } : {}),
    required: false,
    include: [
      { model: ServerModel, required: false },
      ActorImageModel.includeForActor(),
      { model: AccountModel, required: false },
      { model: VideoChannelModel, required: false }
    ]
  }
}

/** What formatNotification reads, for every kind of notification. */
function notificationIncludes (): Includeable[] {
  return [
    {
      model: VideoModel,
      required: false,
      attributes: [ 'id', 'uuid', 'name' ],
      include: [ { model: VideoChannelModel, required: true, include: [ actorWithOwner() ] } ]
    },
    { model: AccountModel, required: false, include: [ actorWithOwner() ] },
    { model: ActorFollowModel, required: false, include: [ actorWithOwner('ActorFollower'), actorWithOwner('ActorFollowing') ] },
    { model: UserRegistrationModel, required: false }
  ]
}

export interface NotificationListOptions {
  start: number
  count: number
  sort: string
  unread?: boolean
}

export async function listNotificationsForApi (userId: number, options: NotificationListOptions) {
  const where: WhereOptions<UserNotificationModel> = options.unread ? { userId, read: false } : { userId }
  const [ total, data ] = await Promise.all([
    UserNotificationModel.count({ where }),
    options.count === 0
      ? Promise.resolve([])
      : UserNotificationModel.findAll({
        where,
        include: notificationIncludes(),
        order: sortToOrder(options.sort),
        offset: options.start,
        limit: options.count
      })
  ])
  return { total, data }
}

/** Freshly written notifications, loaded to be pushed to their users' open clients. */
export async function loadNotificationsForPush (ids: number[]) {
  if (ids.length === 0) return []
  return UserNotificationModel.findAll({ where: { id: { [Op.in]: ids } }, include: notificationIncludes() })
}
