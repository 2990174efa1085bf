import { z } from 'zod'
import { NOTIFICATION_SETTING_KEYS } from '../../../../shared/models/notifications.js'
import { invalidField } from '../../../lib/http-problems/http-problem.js'
import { openNotificationStream } from '../../../lib/notifications/live-stream.js'
import { updateNotificationSettings } from '../../../lib/notifications/notification-settings.js'
import {
  foreignNotificationIds, listNotificationsOf, markAllNotificationsRead, markNotificationsRead
} from '../../../lib/notifications/user-notifications.js'
import { paginationQuery, queryBoolean } from '../../../middlewares/validation/fields.js'
import { formatNotification } from '../../../models/user/formatters/notification-formatter.js'
import { ApiRouter } from '../../shared/api-router.js'

/** The logged-in user's notifications, their settings, and the live stream that pushes new ones. */
export const myNotificationsRouter = new ApiRouter('/api/v1')

const settingValue = z.number({ message: 'Should be 0 (none), 1 (web), 2 (e-mail) or 3 (both)' })
  .int('Should be 0 (none), 1 (web), 2 (e-mail) or 3 (both)')
  .min(0, 'Should be 0 (none), 1 (web), 2 (e-mail) or 3 (both)')
  .max(3, 'Should be 0 (none), 1 (web), 2 (e-mail) or 3 (both)')

// Strict: a setting that does not exist is a 400 naming it, not silently ignored.
const settingsBody = z.object(Object.fromEntries(NOTIFICATION_SETTING_KEYS.map(key => [ key, settingValue.optional() ]))).strict()

myNotificationsRouter.get('/users/me/notifications', {
  operationId: 'getMyNotifications',
  summary: 'List my notifications (count=0 and unread=true give the unread count in total)',
  tags: [ 'My Notifications' ],
  auth: 'required',
  query: paginationQuery([ 'createdAt', 'read' ], '-createdAt').extend({ unread: queryBoolean.optional() })
}, async ({ query, user }, _req, res) => {
  const { total, data } = await listNotificationsOf(user.id, query)
  res.json({ total, data: data.map(formatNotification) })
})

myNotificationsRouter.get('/users/me/notifications/stream', {
  operationId: 'streamMyNotifications',
  summary: 'Server-sent events: `unread-count` at once and on changes, `notification` for each new one',
  tags: [ 'My Notifications' ],
  auth: 'required',
  responses: { 200: 'An open text/event-stream' }
}, async ({ user }, _req, res) => {
  await openNotificationStream(user.id, res)
})

myNotificationsRouter.post('/users/me/notifications/read', {
  operationId: 'markMyNotificationsRead',
  summary: 'Mark notifications as read by their ids',
  tags: [ 'My Notifications' ],
  auth: 'required',
  body: z.object({
    ids: z.array(z.number({ message: 'Should have notification ids' }).int().positive(), { message: 'Should have an array of notification ids' })
      .min(1, 'Should have at least one notification id').max(100, 'Should have at most 100 notification ids')
  }),
  responses: { 204: 'Marked', 400: 'Ids that are not yours (named in ids)' }
}, async ({ body, user }, _req, res) => {
  const unknown = await foreignNotificationIds(user.id, body.ids)
  if (unknown.length !== 0) throw invalidField('body', 'ids', `Unknown notification ids: ${unknown.join(', ')}`, unknown)

  await markNotificationsRead(user.id, body.ids)
  res.sendStatus(204)
})

myNotificationsRouter.post('/users/me/notifications/read-all', {
  operationId: 'markAllMyNotificationsRead',
  summary: 'Mark all my notifications as read',
  tags: [ 'My Notifications' ],
  auth: 'required',
  responses: { 204: 'Marked' }
}, async ({ user }, _req, res) => {
  await markAllNotificationsRead(user.id)
  res.sendStatus(204)
})

myNotificationsRouter.put('/users/me/notification-settings', {
  operationId: 'updateMyNotificationSettings',
  summary: 'Change how I am told of each kind of event: 0 not at all, 1 web, 2 e-mail, 3 both',
  tags: [ 'My Notifications' ],
  auth: 'required',
  body: settingsBody,
  responses: { 204: 'Updated', 400: 'Unknown setting or invalid value (named)' }
}, async ({ body, user }, _req, res) => {
  await updateNotificationSettings(user.id, body as Record<string, number>)
  res.sendStatus(204)
})
