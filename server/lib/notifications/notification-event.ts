import type { NotificationSettingKey, UserNotificationTypeValue } from '../../../shared/models/notifications.js'
import type { NotificationDetails } from '../../models/user/user-notification.js'
import type { EmailContent } from '../emails/email-layout.js'

/** One kind of notification for a set of users, as an event builder describes it. */
export interface NotificationEvent {
  type: UserNotificationTypeValue
  /** Which of the user's settings decides web and e-mail. */
  setting: NotificationSettingKey
  userIds: number[]
  refs: {
    videoId?: number
    accountId?: number
    actorFollowId?: number
    userRegistrationId?: number
    details?: NotificationDetails
  }
  /** The same event reaches a user once, however often it is reported. */
  dedupKey: string
  /** The mail for users who want this kind by e-mail. */
  email: EmailContent
}
