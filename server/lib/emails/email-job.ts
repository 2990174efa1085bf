import type { Job } from 'bull'
import { loggerWithTags } from '../../helpers/logger.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { PermanentJobError } from '../job-queue/job-errors.js'
import { deliverEmail, isEmailEnabled, type EmailMessage } from './mailer.js'

const log = loggerWithTags('emails')

export type EmailPayload = EmailMessage

/**
 * Queues a mail in the current unit of work: it is sent once the change that asked for it commits, by the `email`
 * job, which retries while the SMTP server does not answer. Without e-mail configured, nothing is queued.
 */
export async function queueEmail (message: EmailMessage) {
  if (!isEmailEnabled()) {
    log.info(`E-mail is not configured: not sending "${message.subject}"`)
    return false
  }
  if (message.to.length === 0) return false
  await jobQueue.createJob('email', message)
  return true
}

/**
 * email: sends one message. A refusal the server means (5xx: unknown mailbox, refused sender) ends the job; a
 * timeout, a connection error or a 4xx is retried.
 */
export async function processEmail (job: Job<EmailPayload>) {
  try {
    const info = await deliverEmail(job.data)
    log.info(`Sent "${job.data.subject}" to ${job.data.to.length} recipient(s)`)
    return { messageId: info.messageId }
  } catch (err) {
    const responseCode = (err as { responseCode?: number }).responseCode
    if (responseCode !== undefined && responseCode >= 500) {
      throw new PermanentJobError(`The mail server refused "${job.data.subject}": ${(err as Error).message}`)
    }
    throw err
  }
}
