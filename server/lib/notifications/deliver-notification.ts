import { Op } from 'sequelize'
import { UserNotificationSettingValue } from '../../../shared/models/notifications.js'
import { CONFIG } from '../../initializers/config/index.js'
import { loadRecipients } from '../../models/user/queries/notification-recipients.js'
import { UserNotificationSettingModel } from '../../models/user/user-notification-setting.js'
import { UserNotificationModel } from '../../models/user/user-notification.js'
import type { UserModel } from '../../models/user/user.js'
import { buildEmail } from '../emails/email-layout.js'
import { queueEmail } from '../emails/email-job.js'
import { afterCommit, unitOfWork } from '../unit-of-work/unit-of-work.js'
import { pushNotifications } from './live-stream.js'
import type { NotificationEvent } from './notification-event.js'

/** PeerTube's rule: no mail to an address its owner has not proved, when the instance asks for proof. */
function canReceiveEmail (user: UserModel) {
  if (!user.email) return false
  return !(CONFIG.signup.requires_email_verification && user.emailVerified === false)
}

/**
 * Writes the event's notifications (for users whose setting has the web bit) and queues its mails (e-mail bit),
 * in one unit of work; users who already got this event (same dedupKey) get nothing. Once committed, the new
 * notifications are pushed to their users' open clients.
 */
export async function deliverNotification (event: NotificationEvent) {
  const userIds = [ ...new Set(event.userIds) ]
  if (userIds.length === 0) return { notified: 0, emailed: 0 }

  return unitOfWork(async () => {
    const [ settings, recipients, already ] = await Promise.all([
      UserNotificationSettingModel.loadSettingsOf(userIds),
      loadRecipients(userIds),
      UserNotificationModel.findAll({ attributes: [ 'userId' ], where: { userId: { [Op.in]: userIds }, dedupKey: event.dedupKey } })
    ])
    const notifiedBefore = new Set(already.map(n => n.userId as number))

    const rows = []
    let emailed = 0
    for (const user of recipients) {
      if (user.blocked || notifiedBefore.has(user.id)) continue
      const value = settings.get(user.id)?.[event.setting] ?? UserNotificationSettingValue.NONE

      if (value & UserNotificationSettingValue.WEB) {
        rows.push({ type: event.type, userId: user.id, dedupKey: event.dedupKey, ...event.refs, details: event.refs.details ?? null })
      }
      if ((value & UserNotificationSettingValue.EMAIL) && canReceiveEmail(user)) {
        if (await queueEmail(buildEmail([ user.email ], event.email))) emailed++
      }
    }

    const created = rows.length === 0 ? [] : await UserNotificationModel.bulkCreate(rows as never[])
    const ids = created.map(n => n.id)
    afterCommit(() => { void pushNotifications(ids) })
    return { notified: ids.length, emailed }
  })
}
