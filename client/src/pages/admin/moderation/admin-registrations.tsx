// /admin/moderation/registrations — sign-up requests (signup.requires_approval): accept or reject with a response.
import { useState } from 'preact/hooks'
import { RegistrationState, type UserRegistration } from '../../../../../shared/models/client-moderation.js'
import { acceptRegistration, deleteRegistration, listRegistrations, rejectRegistration } from '../../../api/moderation.js'
import { ErrorAlert } from '../../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../../../components/FormField.js'
import { Pagination, pageFromQuery } from '../../../components/Pagination.js'
import { formatDateTime } from '../../../lib/format.js'
import { useAsync } from '../../../lib/use-async.js'
import { useLocation } from '../../../router.js'
import { ModerationLayout } from './moderation-layout.js'

const PAGE_SIZE = 20

function RegistrationItem ({ registration, onChange }: { registration: UserRegistration; onChange: () => void }) {
  const [response, setResponse] = useState('')
  const [error, setError] = useState<unknown>(null)
  const pending = registration.state.id === RegistrationState.PENDING
  const responseId = `registration-response-${registration.id}`

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      onChange()
    } catch (err) {
      setError(err)
    }
  }

  const fieldError = fieldErrorsOf(error, { moderationResponse: responseId })[responseId]
  return (
    <li class="moderation-item" data-testid="registration-row" data-username={registration.username} data-state={registration.state.id}>
      <header>
        <strong>{registration.username}</strong>
        <span class="muted">{registration.email}</span>
        <span class="badge" data-testid="registration-state">{registration.state.label}</span>
        <span class="muted small">{formatDateTime(registration.createdAt)}</span>
      </header>
      {(registration.accountDisplayName || registration.channelHandle) && (
        <p class="muted small">
          {registration.accountDisplayName && <>Display name: {registration.accountDisplayName}</>}
          {registration.channelHandle && <> · channel {registration.channelDisplayName} ({registration.channelHandle})</>}
        </p>
      )}
      <p class="reason" data-testid="registration-reason">{registration.registrationReason}</p>
      {registration.moderationResponse && <p class="muted small">Response: {registration.moderationResponse}</p>}
      {pending && (
        <FormField id={responseId} label="Response to the applicant" error={fieldError}>
          <textarea {...fieldAria(responseId, fieldError)} rows={2} data-testid="registration-response"
            value={response} onInput={e => setResponse((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
      )}
      <div class="actions">
        {pending && <button type="button" class="primary" onClick={() => void run(() => acceptRegistration(registration.id, response))} data-testid="registration-accept">Accept</button>}
        {pending && <button type="button" onClick={() => void run(() => rejectRegistration(registration.id, response))} data-testid="registration-reject">Reject</button>}
        <button type="button" class="danger" onClick={() => { if (confirm(`Delete the request of ${registration.username}?`)) void run(() => deleteRegistration(registration.id)) }}
          data-testid="registration-delete">Delete</button>
      </div>
      {!fieldError && <ErrorAlert error={error} />}
    </li>
  )
}

export default function AdminRegistrations () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const registrations = useAsync(() => listRegistrations({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE }), [page])
  return (
    <ModerationLayout>
      <h1>Registration requests</h1>
      <ErrorAlert error={registrations.error} />
      {registrations.data && registrations.data.total === 0 && <p class="muted" data-testid="registrations-empty">No requests.</p>}
      <ul class="row-list" data-testid="registrations">
        {registrations.data?.data.map(r => <RegistrationItem key={`${r.id}-${r.state.id}`} registration={r} onChange={registrations.reload} />)}
      </ul>
      {registrations.data && <Pagination total={registrations.data.total} page={page} pageSize={PAGE_SIZE} />}
    </ModerationLayout>
  )
}
