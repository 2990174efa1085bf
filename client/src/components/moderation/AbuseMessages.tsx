// The conversation of a report between its reporter and the moderators, with a box to write.
import { useState } from 'preact/hooks'
import { addAbuseMessage, listAbuseMessages } from '../../api/moderation.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../FormField.js'

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

  const fieldError = fieldErrorsOf(error, { message: id })[id]
  return (
    <div data-testid="abuse-messages">
      <ErrorAlert error={messages.error} />
      <ul class="messages">
        {messages.data?.data.map(m => (
          <li key={m.id} class={m.byModerator ? 'by-moderator' : ''} data-testid="abuse-message" data-by-moderator={String(m.byModerator)}>
            <span class="muted small">{m.byModerator ? 'Moderator' : 'Reporter'} {m.account?.displayName ?? ''} · {formatDateTime(m.createdAt)}</span>
            <div class="reason">{m.message}</div>
          </li>
        ))}
        {messages.data?.total === 0 && <li class="muted">No messages yet.</li>}
      </ul>
      <form onSubmit={send} noValidate>
        <FormField id={id} label="Message" error={fieldError}>
          <textarea {...fieldAria(id, fieldError)} rows={2} maxLength={3000} data-testid="abuse-message-input"
            value={text} onInput={e => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <button type="submit" disabled={!text.trim()} data-testid="abuse-message-send">Send</button>
        {!fieldError && <ErrorAlert error={error} />}
      </form>
    </div>
  )
}
