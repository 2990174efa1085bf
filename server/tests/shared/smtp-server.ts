import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { waitUntil } from './wait.js'

export interface ReceivedMail {
  to: string[]
  from: string
  replyTo?: string
  subject: string
  text: string
  html: string
}

function addresses (value: ParsedMail['to']) {
  const list = Array.isArray(value) ? value : value ? [ value ] : []
  return list.flatMap(group => group.value.map(a => (a.address ?? '').toLowerCase()))
}

/**
 * A real SMTP server in the test process, on a loopback port: instances send through it with their `smtp`
 * configuration; tests read what arrived.
 */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = []
  private server?: SMTPServer
  port = 0

  async start () {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: [ 'STARTTLS', 'AUTH' ],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(mail => {
          this.mails.push({
            to: addresses(mail.to),
            from: addresses(mail.from as ParsedMail['to'])[0] ?? '',
            replyTo: addresses(mail.replyTo as ParsedMail['to'])[0],
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : ''
          })
          callback()
        }, err => callback(err))
      }
    })
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.server.address() as AddressInfo).port
  }

  async stop () {
    await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** The `smtp` section pointing an instance here. */
  config () {
    return { hostname: '127.0.0.1', port: this.port, tls: false, disable_starttls: true, from_address: 'tubeless@localhost' }
  }

  mailsTo (address: string) {
    return this.mails.filter(m => m.to.includes(address.toLowerCase()))
  }

  async waitForMail (check: (mail: ReceivedMail) => boolean, timeoutMs = 20_000) {
    return waitUntil(async () => this.mails.find(check), timeoutMs, 100)
  }
}

/** The first link of a mail's text that starts with `prefix`. */
export function linkIn (mail: ReceivedMail, prefix: string) {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]*`).exec(mail.text)
  if (!match) throw new Error(`No link starting with ${prefix} in: ${mail.text}`)
  return new URL(match[0])
}
