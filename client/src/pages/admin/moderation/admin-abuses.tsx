// /admin/moderation/abuses — reports by state, type and reporter; open the reported object, answer the reporter,
// accept or reject with a note, block the video.
import { useState } from 'preact/hooks'
import { AbuseState, type Abuse } from '../../../../../shared/models/client-moderation.js'
import { blockVideo, deleteAbuse, listAbuses, updateAbuse } from '../../../api/moderation.js'
import { ErrorAlert } from '../../../components/ErrorAlert.js'
import { AbuseMessages } from '../../../components/moderation/AbuseMessages.js'
import { reasonLabel } from '../../../components/moderation/ReportDialog.js'
import { Pagination, pageFromQuery } from '../../../components/Pagination.js'
import { accountPath } from '../../../components/VideoCard.js'
import { t, tn, tOr, type MessageKey } from '../../../i18n/i18n.js'
import { formatDateTime, formatDuration } from '../../../lib/format.js'
import { useAsync } from '../../../lib/use-async.js'
import { setQuery, useLocation } from '../../../router.js'
import { ModerationLayout } from './moderation-layout.js'

const PAGE_SIZE = 20
const STATES: { id: string; label: MessageKey }[] = [ { id: '', label: 'abuses.anyState' }, { id: '1', label: 'abuses.state.1' }, { id: '3', label: 'abuses.state.3' }, { id: '2', label: 'abuses.state.2' } ]
const TYPES: { id: string; label: MessageKey }[] = [ { id: '', label: 'abuses.anyType' }, { id: 'video', label: 'abuses.type.video' }, { id: 'comment', label: 'abuses.type.comment' }, { id: 'account', label: 'abuses.type.account' } ]

/** A report's state in words (1 pending, 2 rejected, 3 accepted). */
export function abuseStateLabel (state: { id: number; label: string }): string {
  return tOr(`abuses.state.${state.id}`, state.label)
}

/** The reported object, linked to where a moderator can look at it. */
export function AbuseObject ({ abuse }: { abuse: Abuse }) {
  if (abuse.video) {
    const range = abuse.video.startAt !== null || abuse.video.endAt !== null
      ? ` (${abuse.video.endAt !== null ? t('abuses.range', { from: formatDuration(abuse.video.startAt ?? 0), to: formatDuration(abuse.video.endAt) }) : t('abuses.rangeFrom', { from: formatDuration(abuse.video.startAt ?? 0) })})`
      : ''
    return (
      <span data-testid="abuse-object">
        {t('abuses.object.video')} {abuse.video.deleted
          ? <s>{abuse.video.name}</s>
          : <a href={`/w/${abuse.video.uuid}`} data-testid="abuse-object-link">{abuse.video.name}</a>}
        {range}{abuse.video.deleted && <span class="badge">{t('abuses.deleted')}</span>}{abuse.video.blacklisted && <span class="badge">{t('abuses.blocked')}</span>}
      </span>
    )
  }
  if (abuse.comment) {
    return (
      <span data-testid="abuse-object">
        {t('abuses.object.comment')} <a href={`/w/${abuse.comment.video.uuid};threadId=${abuse.comment.threadId}`} data-testid="abuse-object-link">{abuse.comment.video.name}</a>
        {abuse.comment.deleted && <span class="badge">{t('abuses.deleted')}</span>}: <q>{abuse.comment.text}</q>
      </span>
    )
  }
  return (
    <span data-testid="abuse-object">
      {t('abuses.object.account')} {abuse.flaggedAccount
        ? <a href={accountPath(abuse.flaggedAccount)} data-testid="abuse-object-link">{abuse.flaggedAccount.displayName} ({abuse.flaggedAccount.name}@{abuse.flaggedAccount.host})</a>
        : t('abuses.deleted')}
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
        <span class="badge" data-testid="abuse-state">{abuseStateLabel(abuse.state)}</span>
        <AbuseObject abuse={abuse} />
        <span class="muted small">{formatDateTime(abuse.createdAt)}</span>
      </header>
      <p class="muted small">
        {t('abuses.reportedBy')} {abuse.reporterAccount ? <a href={accountPath(abuse.reporterAccount)}>{abuse.reporterAccount.name}@{abuse.reporterAccount.host}</a> : t('abuses.deletedAccount')}
        {' '}({tn('abuses.reportsMade', abuse.countReportsForReporter ?? 0)})
        {abuse.flaggedAccount && <> · {t('abuses.against', { handle: `${abuse.flaggedAccount.name}@${abuse.flaggedAccount.host}` })} ({tn('abuses.reportsReceived', abuse.countReportsForReportee ?? 0)})</>}
        {abuse.video?.countReports !== undefined && <> · {t('abuses.nth', { nth: abuse.video.nthReport ?? 1, count: abuse.video.countReports })}</>}
      </p>
      {abuse.predefinedReasons.length > 0 && <p class="chips">{abuse.predefinedReasons.map(r => <span key={r} class="chip">{reasonLabel(r)}</span>)}</p>}
      <p class="reason" data-testid="abuse-reason">{abuse.reason}</p>
      <label for={`note-${abuse.id}`}>{t('abuses.note')}</label>
      <textarea id={`note-${abuse.id}`} rows={2} maxLength={3000} value={note} data-testid="abuse-note"
        onInput={e => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="actions">
        {abuse.state.id !== AbuseState.ACCEPTED && <button type="button" class="primary" onClick={() => void decide(AbuseState.ACCEPTED)} data-testid="abuse-accept">{t('abuses.accept')}</button>}
        {abuse.state.id !== AbuseState.REJECTED && <button type="button" onClick={() => void decide(AbuseState.REJECTED)} data-testid="abuse-reject">{t('abuses.reject')}</button>}
        {note !== (abuse.moderationComment ?? '') && note.trim() && (
          <button type="button" onClick={() => void run(() => updateAbuse(abuse.id, { moderationComment: note }))} data-testid="abuse-note-save">{t('abuses.saveNote')}</button>
        )}
        {abuse.video && !abuse.video.deleted && !abuse.video.blacklisted && (
          <button type="button" class="danger" onClick={() => void run(() => blockVideo(abuse.video!.uuid, { reason: abuse.reason.slice(0, 300) }))} data-testid="abuse-block-video">{t('abuses.blockVideo')}</button>
        )}
        {reporterIsLocal && (
          <button type="button" onClick={() => setShowMessages(!showMessages)} data-testid="abuse-messages-toggle">
            {t('abuses.messages', { count: abuse.countMessages })}
          </button>
        )}
        <button type="button" class="danger" onClick={() => { if (confirm(t('abuses.deleteConfirm', { id: abuse.id }))) void run(() => deleteAbuse(abuse.id)) }} data-testid="abuse-delete">{t('common.delete')}</button>
      </div>
      {abuse.moderationComment && <p class="muted small" data-testid="abuse-saved-note">{t('abuses.savedNote', { note: abuse.moderationComment })}</p>}
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
      <h1>{t('moderation.tab.abuses')}</h1>
      <form class="filters" role="search" onSubmit={onSearch}>
        <select aria-label={t('abuses.filterState')} value={state} data-testid="abuses-filter-state" onChange={e => setQuery({ state: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          {STATES.map(s => <option key={s.id} value={s.id}>{t(s.label)}</option>)}
        </select>
        <select aria-label={t('abuses.filterType')} value={filter} data-testid="abuses-filter-type" onChange={e => setQuery({ filter: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          {TYPES.map(type => <option key={type.id} value={type.id}>{t(type.label)}</option>)}
        </select>
        <input type="search" name="searchReporter" aria-label={t('abuses.reporter')} placeholder={t('abuses.reporter')} defaultValue={searchReporter} data-testid="abuses-filter-reporter" />
        <input type="search" name="search" aria-label={t('abuses.search')} placeholder={t('abuses.search')} defaultValue={search} data-testid="abuses-search" />
        <button type="submit">{t('abuses.filter')}</button>
      </form>
      <ErrorAlert error={abuses.error} />
      {abuses.data && abuses.data.total === 0 && <p class="muted" data-testid="abuses-empty">{t('abuses.empty')}</p>}
      <ul class="row-list" data-testid="abuses">
        {abuses.data?.data.map(abuse => <AbuseItem key={`${abuse.id}-${abuse.state.id}-${abuse.updatedAt}-${abuse.countMessages}`} abuse={abuse} onChange={abuses.reload} />)}
      </ul>
      {abuses.data && <Pagination total={abuses.data.total} page={page} pageSize={PAGE_SIZE} />}
    </ModerationLayout>
  )
}
