// /admin/moderation/abuses — reports by state, type and reporter; open the reported object, answer the reporter,
// accept or reject with a note, block the video.
import { useState } from 'preact/hooks'
import { AbuseState, type Abuse } from '../../../../../shared/models/client-moderation.js'
import { blockVideo, deleteAbuse, listAbuses, updateAbuse } from '../../../api/moderation.js'
import { ErrorAlert } from '../../../components/ErrorAlert.js'
import { AbuseMessages } from '../../../components/moderation/AbuseMessages.js'
import { REASON_LABELS } from '../../../components/moderation/ReportDialog.js'
import { Pagination, pageFromQuery } from '../../../components/Pagination.js'
import { accountPath } from '../../../components/VideoCard.js'
import { formatDateTime, formatDuration } from '../../../lib/format.js'
import { useAsync } from '../../../lib/use-async.js'
import { setQuery, useLocation } from '../../../router.js'
import { ModerationLayout } from './moderation-layout.js'

const PAGE_SIZE = 20
const STATES = [ { id: '', label: 'Any state' }, { id: '1', label: 'Pending' }, { id: '3', label: 'Accepted' }, { id: '2', label: 'Rejected' } ]
const TYPES = [ { id: '', label: 'Videos, comments and accounts' }, { id: 'video', label: 'Videos' }, { id: 'comment', label: 'Comments' }, { id: 'account', label: 'Accounts' } ]

/** The reported object, linked to where a moderator can look at it. */
export function AbuseObject ({ abuse }: { abuse: Abuse }) {
  if (abuse.video) {
    const range = abuse.video.startAt !== null || abuse.video.endAt !== null
      ? ` (from ${formatDuration(abuse.video.startAt ?? 0)}${abuse.video.endAt !== null ? ` to ${formatDuration(abuse.video.endAt)}` : ''})`
      : ''
    return (
      <span data-testid="abuse-object">
        Video {abuse.video.deleted
          ? <s>{abuse.video.name}</s>
          : <a href={`/w/${abuse.video.uuid}`} data-testid="abuse-object-link">{abuse.video.name}</a>}
        {range}{abuse.video.deleted && <span class="badge">deleted</span>}{abuse.video.blacklisted && <span class="badge">blocked</span>}
      </span>
    )
  }
  if (abuse.comment) {
    return (
      <span data-testid="abuse-object">
        Comment on <a href={`/w/${abuse.comment.video.uuid};threadId=${abuse.comment.threadId}`} data-testid="abuse-object-link">{abuse.comment.video.name}</a>
        {abuse.comment.deleted && <span class="badge">deleted</span>}: <q>{abuse.comment.text}</q>
      </span>
    )
  }
  return (
    <span data-testid="abuse-object">
      Account {abuse.flaggedAccount
        ? <a href={accountPath(abuse.flaggedAccount)} data-testid="abuse-object-link">{abuse.flaggedAccount.displayName} ({abuse.flaggedAccount.name}@{abuse.flaggedAccount.host})</a>
        : 'deleted'}
    </span>
  )
}

function AbuseItem ({ abuse, onChange }: { abuse: Abuse; onChange: () => void }) {
  const [note, setNote] = useState(abuse.moderationComment ?? '')
  const [showMessages, setShowMessages] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const reporterIsLocal = abuse.reporterAccount?.host === window.location.host

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      onChange()
    } catch (err) {
      setError(err)
    }
  }
  const decide = (state: number) => run(() => updateAbuse(abuse.id, { state, moderationComment: note.trim() ? note : undefined }))

  return (
    <li class="moderation-item" data-testid="abuse-row" data-id={abuse.id} data-state={abuse.state.id}>
      <header>
        <strong>#{abuse.id}</strong>
        <span class="badge" data-testid="abuse-state">{abuse.state.label}</span>
        <AbuseObject abuse={abuse} />
        <span class="muted small">{formatDateTime(abuse.createdAt)}</span>
      </header>
      <p class="muted small">
        Reported by {abuse.reporterAccount ? <a href={accountPath(abuse.reporterAccount)}>{abuse.reporterAccount.name}@{abuse.reporterAccount.host}</a> : 'a deleted account'}
        {' '}({abuse.countReportsForReporter ?? 0} reports made)
        {abuse.flaggedAccount && <> · against {abuse.flaggedAccount.name}@{abuse.flaggedAccount.host} ({abuse.countReportsForReportee ?? 0} reports received)</>}
        {abuse.video?.countReports !== undefined && <> · report {abuse.video.nthReport} of {abuse.video.countReports} on this video</>}
      </p>
      {abuse.predefinedReasons.length > 0 && <p class="chips">{abuse.predefinedReasons.map(r => <span key={r} class="chip">{REASON_LABELS[r] ?? r}</span>)}</p>}
      <p class="reason" data-testid="abuse-reason">{abuse.reason}</p>
      <label for={`note-${abuse.id}`}>Moderation note (moderators only)</label>
      <textarea id={`note-${abuse.id}`} rows={2} maxLength={3000} value={note} data-testid="abuse-note"
        onInput={e => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="actions">
        {abuse.state.id !== AbuseState.ACCEPTED && <button type="button" class="primary" onClick={() => void decide(AbuseState.ACCEPTED)} data-testid="abuse-accept">Accept</button>}
        {abuse.state.id !== AbuseState.REJECTED && <button type="button" onClick={() => void decide(AbuseState.REJECTED)} data-testid="abuse-reject">Reject</button>}
        {note !== (abuse.moderationComment ?? '') && note.trim() && (
          <button type="button" onClick={() => void run(() => updateAbuse(abuse.id, { moderationComment: note }))} data-testid="abuse-note-save">Save the note</button>
        )}
        {abuse.video && !abuse.video.deleted && !abuse.video.blacklisted && (
          <button type="button" class="danger" onClick={() => void run(() => blockVideo(abuse.video!.uuid, { reason: abuse.reason.slice(0, 300) }))} data-testid="abuse-block-video">Block the video</button>
        )}
        {reporterIsLocal && (
          <button type="button" onClick={() => setShowMessages(!showMessages)} data-testid="abuse-messages-toggle">
            Messages ({abuse.countMessages})
          </button>
        )}
        <button type="button" class="danger" onClick={() => { if (confirm(`Delete report #${abuse.id}?`)) void run(() => deleteAbuse(abuse.id)) }} data-testid="abuse-delete">Delete</button>
      </div>
      {abuse.moderationComment && <p class="muted small" data-testid="abuse-saved-note">Note: {abuse.moderationComment}</p>}
      <ErrorAlert error={error} />
      {showMessages && <AbuseMessages abuseId={abuse.id} onSent={onChange} />}
    </li>
  )
}

export default function AdminAbuses () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const state = query.get('state') ?? ''
  const filter = query.get('filter') ?? ''
  const searchReporter = query.get('searchReporter') ?? ''
  const search = query.get('search') ?? ''
  const abuses = useAsync(() => listAbuses({
    start: (page - 1) * PAGE_SIZE,
    count: PAGE_SIZE,
    sort: '-createdAt',
    state: state ? Number(state) : undefined,
    filter: filter || undefined,
    searchReporter: searchReporter || undefined,
    search: search || undefined
  }), [page, state, filter, searchReporter, search])

  const onSearch = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    setQuery({ search: (form.get('search') as string) || null, searchReporter: (form.get('searchReporter') as string) || null, page: null })
  }

  return (
    <ModerationLayout>
      <h1>Reports</h1>
      <form class="filters" role="search" onSubmit={onSearch}>
        <select aria-label="State" value={state} data-testid="abuses-filter-state" onChange={e => setQuery({ state: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          {STATES.map(s => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
        <select aria-label="Type" value={filter} data-testid="abuses-filter-type" onChange={e => setQuery({ filter: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          {TYPES.map(t => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
        <input type="search" name="searchReporter" aria-label="Reporter" placeholder="Reporter" defaultValue={searchReporter} data-testid="abuses-filter-reporter" />
        <input type="search" name="search" aria-label="Search reports" placeholder="Search" defaultValue={search} data-testid="abuses-search" />
        <button type="submit">Filter</button>
      </form>
      <ErrorAlert error={abuses.error} />
      {abuses.data && abuses.data.total === 0 && <p class="muted" data-testid="abuses-empty">No reports.</p>}
      <ul class="row-list" data-testid="abuses">
        {abuses.data?.data.map(abuse => <AbuseItem key={`${abuse.id}-${abuse.state.id}-${abuse.updatedAt}-${abuse.countMessages}`} abuse={abuse} onChange={abuses.reload} />)}
      </ul>
      {abuses.data && <Pagination total={abuses.data.total} page={page} pageSize={PAGE_SIZE} />}
    </ModerationLayout>
  )
}
