// The conversation of a report between its reporter and the moderators, with a box to write.
import { useState } from 'preact/hooks'
import { addAbuseMessage, listAbuseMessages } from '../../api/moderation.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { ErrorAlert, FormMessage } from '../ErrorAlert.js'
import { FormField, fieldAria } from '../FormField.js'

export function AbuseMessages ({ abuseId, onSent }: { abuseId: number; onSent?: () => void }) {
  const messages = useAsync(() => listAbuseMessages(abuseId), [abuseId])
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const id = `abuse-message-${abuseId}`

  const send = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      await addAbuseMessage(abuseId, text)
      setText('')
      messages.reload()
      onSent?.()
    } catch (err) {
      setError(err)
    }
  }

  const problem = humanizeProblem(error, { fields: [ id ], rename: { message: id } })
  return (
    <div data-testid="abuse-messages">
      <ErrorAlert error={messages.error} />
      <ul class="messages">
        {messages.data?.data.map(m => (
          <li key={m.id} class={m.byModerator ? 'by-moderator' : ''} data-testid="abuse-message" data-by-moderator={String(m.byModerator)}>
            <span class="muted small">{t(m.byModerator ? 'abuses.byModerator' : 'abuses.byReporter', { name: m.account?.displayName ?? '' })} · {formatDateTime(m.createdAt)}</span>
            <div class="reason">{m.message}</div>
          </li>
        ))}
        {messages.data?.total === 0 && <li class="muted">{t('abuses.noMessages')}</li>}
      </ul>
      <form onSubmit={send} noValidate>
        <FormField id={id} label={t('abuses.message')} error={problem.fields[id]}>
          <textarea {...fieldAria(id, problem.fields[id])} rows={2} maxLength={3000} data-testid="abuse-message-input"
            value={text} onInput={e => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <button type="submit" disabled={!text.trim()} data-testid="abuse-message-send">{t('abuses.send')}</button>
        <FormMessage message={problem.message} />
      </form>
    </div>
  )
}
