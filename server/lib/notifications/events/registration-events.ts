import { UserNotificationType } from '../../../../shared/models/notifications.js'
import { UserRight } from '../../../../shared/models/users.js'
import { AccountModel } from '../../../models/account/account.js'
import { listUserIdsWithRight } from '../../../models/user/queries/notification-recipients.js'
import { UserRegistrationModel } from '../../../models/user/user-registration.js'
import type { NotificationEvent } from '../notification-event.js'
import { adminUrl } from './links.js'

/** Someone signed up (no approval needed): moderators who manage users are told. */
export async function newUserRegistration ({ userId }: { userId: number }): Promise<NotificationEvent[]> {
  const account = await AccountModel.loadByUserId(userId)
  if (!account) return []
  const username = account.Actor!.preferredUsername
  return [ {
    type: UserNotificationType.NEW_USER_REGISTRATION,
    setting: 'newUserRegistration',
    userIds: await listUserIdsWithRight(UserRight.MANAGE_USERS),
    refs: { accountId: account.id },
    dedupKey: `registration:user:${userId}`,
    email: {
      subject: `A new user signed up: ${username}`,
      paragraphs: [ `${username} created an account on your instance.` ],
      action: { text: 'See the users', url: adminUrl('users') }
    }
  } ]
}

/** A registration request waits for a moderator. */
export async function newRegistrationRequest ({ registrationId }: { registrationId: number }): Promise<NotificationEvent[]> {
  const registration = await UserRegistrationModel.findByPk(registrationId)
  if (!registration) return []
  return [ {
    type: UserNotificationType.NEW_USER_REGISTRATION_REQUEST,
    setting: 'newUserRegistration',
    userIds: await listUserIdsWithRight(UserRight.MANAGE_REGISTRATIONS),
    refs: { userRegistrationId: registrationId },
    dedupKey: `registration:request:${registrationId}`,
    email: {
      subject: `A new registration request: ${registration.username}`,
      paragraphs: [ `${registration.username} asks to join your instance.`, `Their reason: ${registration.registrationReason}` ],
      action: { text: 'Review the registrations', url: adminUrl('registrations') }
    }
  } ]
}
