import { CONFIG } from '../../initializers/config/index.js'
import { CONTACT_FORM } from '../../initializers/constants/emails.js'
import { buildEmail } from '../emails/email-layout.js'
import { queueEmail } from '../emails/email-job.js'
import { isEmailEnabled } from '../emails/mailer.js'
import { conflict, forbidden } from '../http-problems/http-problem.js'
import { redis } from '../redis.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'

export interface ContactMessage {
  fromEmail: string
  fromName: string
  subject: string
  body: string
}

const ipKey = (ip: string) => `contact-form:${ip}`

/** Mails the administrator (admin.email), answering to the sender; one message per IP address per hour. */
export async function sendContactForm (message: ContactMessage, ip: string) {
  if (!CONFIG.contact_form.enabled) throw conflict('Contact form is not enabled on this instance.')
  if (!isEmailEnabled()) throw conflict('SMTP is not configured on this instance.')
  // Taken before sending: two quick submissions do not both get through.
  const first = await redis().set(ipKey(ip), '1', 'PX', CONTACT_FORM.LIFETIME_MS, 'NX')
  if (first !== 'OK') throw forbidden('You already sent a contact form recently.')

  await unitOfWork(() => queueEmail(buildEmail([ CONFIG.admin.email ], {
    subject: `Contact form: ${message.subject}`,
    paragraphs: [ `${message.fromName} <${message.fromEmail}> wrote:`, message.body ]
  }, { replyTo: message.fromEmail, fromName: message.fromName })))
}
