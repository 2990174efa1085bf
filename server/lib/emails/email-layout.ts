import { CONFIG } from '../../initializers/config/index.js'
import type { EmailMessage } from './mailer.js'

/** What an e-mail says: a few paragraphs and, usually, one link to act on. */
export interface EmailContent {
  subject: string
  /** Plain text paragraphs (escaped for the HTML part). */
  paragraphs: string[]
  action?: { text: string, url: string }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]!)

/**
 * The same message as text and as minimal HTML, with the instance's subject prefix and signature. The link is
 * also written out in the text, for clients that show no HTML.
 */
export function buildEmail (to: string[], content: EmailContent, extra: Pick<EmailMessage, 'replyTo' | 'fromName'> = {}): EmailMessage {
  const prefix = CONFIG.email.subject.prefix
  const signature = CONFIG.email.body.signature
  const subject = prefix ? `${prefix} ${content.subject}` : content.subject

  const text = [
    ...content.paragraphs,
    ...(content.action ? [ `${content.action.text}: ${content.action.url}` ] : []),
    ...(signature ? [ `-- \n${signature}` ] : [])
  ].join('\n\n')

  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    ...content.paragraphs.map(p => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    content.action ? `<p><a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.text)}</a></p>` : '',
    signature ? `<p style="color: #666">${escapeHtml(signature)}</p>` : '',
    '</body></html>'
  ].join('\n')

  return { to, subject, text, html, ...extra }
}
