// What to tell a person about one refused field, by the field's name in the API. The server's own message is
// English and worded for developers ("Should have a valid ..."); these are the sentences people read instead.
import type { InvalidParam } from '../../../shared/models/client-common.js'
import { t, type MessageKey } from '../i18n/i18n.js'

/** The numbers of a server message ("between 3 and 120 characters" -> [3, 120]), for sentences with limits. */
function numbersIn (text: string | undefined): number[] {
  return (text?.match(/\d+/g) ?? []).map(Number)
}

/** A sentence that states a length range, with the server's figures when it gave them, else PeerTube's. */
function range (key: MessageKey, defaults: [number, number]) {
  return (param: InvalidParam) => {
    const [ min, max ] = numbersIn(param.msg)
    return t(key, { min: min ?? defaults[0], max: max ?? min ?? defaults[1] })
  }
}

function valueOf (param: InvalidParam): string {
  return typeof param.value === 'string' || typeof param.value === 'number' ? String(param.value) : ''
}

type Sentence = (param: InvalidParam, status: number) => string

/** Sentences by API field (first segment for array items: `hosts.2` is `hosts`). */
export const FIELD_SENTENCES: Record<string, Sentence> = {
  // Videos
  name: range('problem.field.videoName', [ 3, 120 ]),
  description: range('problem.field.description', [ 3, 10_000 ]),
  support: range('problem.field.support', [ 3, 1000 ]),
  tags: () => t('problem.field.tags'),
  category: () => t('problem.field.category'),
  licence: () => t('problem.field.licence'),
  language: () => t('problem.field.language'),
  privacy: () => t('problem.field.privacy'),
  channelId: () => t('problem.field.channelId'),
  originallyPublishedAt: () => t('problem.field.date'),
  'scheduleUpdate.updateAt': () => t('problem.field.scheduleDate'),
  'scheduleUpdate.privacy': () => t('problem.field.schedulePrivacy'),
  scheduleUpdate: () => t('problem.field.scheduleDate'),
  videofile: (param, status) => {
    if (status === 413) return t('problem.field.videofileTooLarge')
    if (/longer/i.test(param.msg)) return t('problem.field.videofileTooLong', { max: Math.round((numbersIn(param.msg)[0] ?? 0) / 60) || 1 })
    return t('problem.field.videofile')
  },
  thumbnailfile: () => t('problem.field.image'),
  previewfile: () => t('problem.field.image'),
  avatarfile: () => t('problem.field.image'),
  bannerfile: () => t('problem.field.image'),
  // People
  username: (_param, status) => status === 409 ? t('problem.field.usernameTaken') : t('problem.field.username'),
  email: (_param, status) => status === 409 ? t('problem.field.emailTaken') : t('problem.field.email'),
  password: range('problem.field.password', [ 6, 255 ]),
  currentPassword: () => t('problem.field.currentPassword'),
  displayName: range('problem.field.displayName', [ 1, 120 ]),
  registrationReason: range('problem.field.registrationReason', [ 2, 3000 ]),
  'channel.name': (_param, status) => status === 409 ? t('problem.field.channelNameTaken') : t('problem.field.channelName'),
  'channel.displayName': range('problem.field.channelDisplayName', [ 1, 120 ]),
  channelName: (_param, status) => status === 409 ? t('problem.field.channelNameTaken') : t('problem.field.channelName'),
  // Follows
  hosts: param => t('problem.field.host', { value: valueOf(param) }),
  handles: param => t('problem.field.handle', { value: valueOf(param) }),
  // Comments
  text: param => t('problem.field.text', { max: numbersIn(param.msg).at(-1) ?? 10_000 }),
  // Moderation: reports, their messages, mutes, registrations
  reason: range('problem.field.reportReason', [ 2, 3000 ]),
  'video.startAt': () => t('problem.field.reportTime'),
  'video.endAt': () => t('problem.field.reportTime'),
  'video.id': () => t('problem.field.reportObject'),
  'comment.id': () => t('problem.field.reportObject'),
  'account.id': () => t('problem.field.reportObject'),
  message: range('problem.field.message', [ 2, 3000 ]),
  moderationResponse: range('problem.field.moderationResponse', [ 1, 3000 ]),
  accountName: param => t('problem.field.accountName', { value: valueOf(param) }),
  host: param => t('problem.field.serverHost', { value: valueOf(param) }),
  // Library: subscriptions, playlists, password reset
  uri: () => t('problem.field.uri'),
  videoChannelId: () => t('problem.field.playlistChannel'),
  videoId: () => t('problem.field.playlistVideo'),
  startTimestamp: () => t('problem.field.timestamp'),
  stopTimestamp: () => t('problem.field.timestamp'),
  verificationString: () => t('problem.field.secretLink'),
  // Contact form
  fromName: range('problem.field.contactName', [ 1, 120 ]),
  fromEmail: () => t('problem.field.email'),
  subject: range('problem.field.contactSubject', [ 1, 120 ]),
  body: range('problem.field.contactBody', [ 3, 5000 ])
}

/**
 * Sentences that differ by form: a channel's `name` is its identifier, a video's its title. A form passes these
 * (by field) to the helper.
 */
export const CHANNEL_FIELD_SENTENCES: Record<string, Sentence> = {
  name: (_param, status) => status === 409 ? t('problem.field.channelNameTaken') : t('problem.field.channelName'),
  displayName: range('problem.field.channelDisplayName', [ 1, 120 ]),
  description: range('problem.field.channelDescription', [ 3, 1000 ]),
  support: range('problem.field.support', [ 3, 1000 ])
}

export const ACCOUNT_FIELD_SENTENCES: Record<string, Sentence> = {
  description: range('problem.field.accountDescription', [ 3, 1000 ])
}
