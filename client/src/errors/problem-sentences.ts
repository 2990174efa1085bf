// The one helper that turns a failed request into sentences a person understands: one per refused field (shown
// under it) and one for the form (shown above it). Pages never show the API's own words.
import type { InvalidParam } from '../../../shared/models/client-common.js'
import { ApiError } from '../api/problem.js'
import { t, type MessageKey } from '../i18n/i18n.js'
import { FIELD_SENTENCES } from './field-sentences.js'

type Sentence = (param: InvalidParam, status: number) => string

export interface ProblemOptions {
  /** The form's fields (by API name, after `rename`): their sentences go under them, not in the message. */
  fields?: string[]
  /** API field name -> form field id, where they differ. */
  rename?: Record<string, string>
  /** Sentences for this form's fields that differ from the general ones (a channel's `name`). */
  sentences?: Record<string, Sentence>
  /** The sentence for a status or a problem `code` in this context (`403` on the sign-up form: "closed"). */
  messages?: Partial<Record<number | string, MessageKey>>
}

export interface HumanProblem {
  /** For the top of the form: null when every problem is shown on its field. */
  message: string | null
  /** By form field id. */
  fields: Record<string, string>
}

/** `hosts.2` -> `hosts`; `scheduleUpdate.updateAt` stays itself when it has its own sentence. */
function sentenceFor (path: string, param: InvalidParam, status: number, own: Record<string, Sentence>): string {
  const candidates = [ path, path.replace(/\.\d+(\..*)?$/, ''), path.split('.')[0] ]
  for (const candidate of candidates) {
    const sentence = own[candidate] ?? FIELD_SENTENCES[candidate]
    if (sentence) return sentence(param, status)
  }
  return t('problem.field.generic', { field: path })
}

const CODE_MESSAGES: Record<string, MessageKey> = {
  invalid_grant: 'problem.wrongCredentials',
  user_blocked: 'problem.userBlocked',
  quota_reached: 'problem.quota',
  too_many_requests: 'problem.tooMany',
  max_file_size_reached: 'problem.tooLarge',
  incorrect_file: 'problem.field.videofile',
  service_unavailable: 'problem.unavailable',
  insufficient_storage: 'problem.storageFull',
  not_allowed: 'problem.forbidden'
}

function statusMessage (error: ApiError): MessageKey {
  const { status } = error
  if (status === 0) return 'problem.network'
  if (status === 401) return 'problem.loginRequired'
  if (status === 403) return 'problem.forbidden'
  if (status === 404) return 'problem.notFound'
  if (status === 409) return 'problem.conflict'
  if (status === 413) return 'problem.tooLarge'
  if (status === 429) return 'problem.tooMany'
  if (status === 503) return 'problem.unavailable'
  if (status >= 500) return 'problem.server'
  return 'problem.invalid'
}

export function humanizeProblem (error: unknown, options: ProblemOptions = {}): HumanProblem {
  if (!error) return { message: null, fields: {} }
  if (!(error instanceof ApiError)) {
    // Our own failures (a file the browser cannot read...) are already sentences; anything else is unexpected.
    return { message: error instanceof Error && error.name === 'UserFacingError' ? error.message : t('problem.unexpected'), fields: {} }
  }

  const known = new Set(options.fields ?? [])
  const own = options.sentences ?? {}
  const fields: Record<string, string> = {}
  const elsewhere: string[] = []
  for (const [ path, param ] of Object.entries(error.problem?.['invalid-params'] ?? {})) {
    const sentence = sentenceFor(path, param ?? { msg: '' }, error.status, own)
    const id = options.rename?.[path] ?? options.rename?.[path.split('.')[0]] ?? path
    const fieldId = known.has(id) ? id : known.has(id.split('.')[0]) ? id.split('.')[0] : null
    // Several refused entries of one field (hosts.0, hosts.2) are all named.
    if (fieldId) fields[fieldId] = fields[fieldId] && fields[fieldId] !== sentence ? `${fields[fieldId]} ${sentence}` : sentence
    else if (!elsewhere.includes(sentence)) elsewhere.push(sentence)
  }
  // Wrong current password: PeerTube answers 401 without naming the field.
  if (error.status === 401 && /currentPassword/.test(error.problem?.detail ?? '') && known.has('currentPassword')) {
    fields.currentPassword = t('problem.field.currentPassword')
    return { message: null, fields }
  }

  if (Object.keys(fields).length !== 0 && elsewhere.length === 0) return { message: null, fields }
  if (elsewhere.length !== 0) return { message: elsewhere.join(' '), fields }

  const code = error.code
  const key = options.messages?.[code ?? ''] ?? options.messages?.[error.status] ?? (code ? CODE_MESSAGES[code] : undefined) ?? statusMessage(error)
  const retryAfter = Number(error.retryAfter ?? '')
  return { message: t(key, { seconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 5 }), fields }
}

/** One line for places without fields (a list that failed to load, a button's action). */
export function problemSentence (error: unknown, options: ProblemOptions = {}): string {
  const human = humanizeProblem(error, options)
  return human.message ?? Object.values(human.fields)[0] ?? t('problem.unexpected')
}

/** An error of ours that is already a sentence for people (humanizeProblem shows it as it is). */
export class UserFacingError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'UserFacingError'
  }
}
