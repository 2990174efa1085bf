import type { Job } from 'bull'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { deliverNotification } from './deliver-notification.js'
import { NOTIFICATION_EVENT_BUILDERS, type NotificationEventName } from './events/index.js'

export interface NotifyPayload {
  event: NotificationEventName
  data: Record<string, unknown>
}

/**
 * notify: finds who must hear of an event (subscribers of a channel, moderators...), then writes their
 * notifications and queues their mails. Idempotent: a rerun delivers nothing twice (see deliverNotification).
 */
export async function processNotify (job: Job<NotifyPayload>) {
  const build = NOTIFICATION_EVENT_BUILDERS[job.data.event] as ((data: unknown) => ReturnType<typeof NOTIFICATION_EVENT_BUILDERS[NotificationEventName]>) | undefined
  if (!build) throw new PermanentJobError(`Unknown notification event ${job.data.event}`)

  let notified = 0
  let emailed = 0
  for (const event of await build(job.data.data)) {
    const result = await deliverNotification(event)
    notified += result.notified
    emailed += result.emailed
  }
  return { notified, emailed }
}
