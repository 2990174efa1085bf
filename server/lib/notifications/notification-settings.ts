import { UserNotificationSettingModel } from '../../models/user/user-notification-setting.js'

// What a user wants to be told of, and how (0 none, 1 web, 2 e-mail, 3 both), per kind of notification.

export function loadNotificationSettings (userId: number) {
  return UserNotificationSettingModel.loadSettings(userId)
}

export async function updateNotificationSettings (userId: number, changes: Parameters<typeof UserNotificationSettingModel.updateSettings>[1]) {
  await UserNotificationSettingModel.updateSettings(userId, changes)
}
