import { readFileSync } from 'node:fs'
import nodemailer, { type Transporter } from 'nodemailer'
import { CONFIG } from '../../initializers/config/index.js'
import { EMAIL_JOB } from '../../initializers/constants/emails.js'

/** One message as the e-mail job sends it. */
export interface EmailMessage {
  to: string[]
  subject: string
  text: string
  html?: string
  replyTo?: string
  /** Display name in From; the address is always smtp.from_address (servers refuse to relay others). */
  fromName?: string
}

/** Whether this instance can send mail: PeerTube's rule (an SMTP hostname, or a sendmail path). */
export function isEmailEnabled () {
  const smtp = CONFIG.smtp
  if (smtp.transport === 'sendmail') return !!smtp.sendmail
  return !!smtp.hostname
}

let cached: { key: string, transporter: Transporter } | undefined

/** The nodemailer transport for the current configuration (rebuilt when an administrator changes it). */
function transporter () {
  const smtp = CONFIG.smtp
  const key = JSON.stringify(smtp)
  if (cached?.key === key) return cached.transporter
  cached?.transporter.close()

  const transporter = smtp.transport === 'sendmail'
    ? nodemailer.createTransport({ sendmail: true, newline: 'unix', path: smtp.sendmail ?? undefined })
    : nodemailer.createTransport({
      host: smtp.hostname ?? undefined,
      port: smtp.port,
      secure: smtp.tls,
      ignoreTLS: !smtp.tls && smtp.disable_starttls,
      auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
      tls: smtp.ca_file ? { ca: [ readFileSync(smtp.ca_file) ] } : undefined,
      connectionTimeout: EMAIL_JOB.SMTP_TIMEOUT_MS,
      greetingTimeout: EMAIL_JOB.SMTP_TIMEOUT_MS,
      socketTimeout: EMAIL_JOB.SMTP_TIMEOUT_MS
    })
  cached = { key, transporter }
  return transporter
}

/** Hands the message to the SMTP server (or sendmail); rejects with nodemailer's error when it refuses. */
export async function deliverEmail (message: EmailMessage) {
  const from = message.fromName ? { name: message.fromName, address: CONFIG.smtp.from_address } : CONFIG.smtp.from_address
  return transporter().sendMail({
    from,
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html
  })
}

export function closeMailer () {
  cached?.transporter.close()
  cached = undefined
}
