import { registerCommentNotifications } from './listeners/comment-notifications.js'
import { registerModerationNotifications } from './listeners/moderation-notifications.js'

/** At start-up: the comment and moderation modules' events become notifications. */
export function registerNotifications () {
  registerCommentNotifications()
  registerModerationNotifications()
}
