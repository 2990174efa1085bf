// /my-account/abuses — the reports I made, their outcome, and the conversation with the moderators.
import { useState } from 'preact/hooks'
import type { Abuse } from '../../../shared/models/client-moderation.js'
import { listMyAbuses } from '../api/moderation.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { AbuseMessages } from '../components/moderation/AbuseMessages.js'
import { formatDateTime } from '../lib/format.js'
import { useAsync } from '../lib/use-async.js'
import { AbuseObject } from './admin/moderation/admin-abuses.js'

function MyAbuse ({ abuse }: { abuse: Abuse }) {
  const [open, setOpen] = useState(false)
  return (
    <li class="moderation-item" data-testid="my-abuse-row" data-id={abuse.id} data-state={abuse.state.id}>
      <header>
        <strong>#{abuse.id}</strong>
        <span class="badge" data-testid="my-abuse-state">{abuse.state.label}</span>
        <AbuseObject abuse={abuse} />
        <span class="muted small">{formatDateTime(abuse.createdAt)}</span>
      </header>
      <p class="reason">{abuse.reason}</p>
      <button type="button" onClick={() => setOpen(!open)} data-testid="abuse-messages-toggle">Messages ({abuse.countMessages})</button>
      {open && <AbuseMessages abuseId={abuse.id} />}
    </li>
  )
}

export default function MyAbusesPage () {
  const abuses = useAsync(() => listMyAbuses({ count: 100 }), [])
  return (
    <section class="narrow" data-testid="my-abuses-page">
      <h1>My reports</h1>
      <ErrorAlert error={abuses.error} />
      {abuses.data && abuses.data.total === 0 && <p class="muted">You have not reported anything.</p>}
      <ul class="row-list">{abuses.data?.data.map(abuse => <MyAbuse key={abuse.id} abuse={abuse} />)}</ul>
    </section>
  )
}
