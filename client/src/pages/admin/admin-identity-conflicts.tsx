// /admin/identity-conflicts — uuids, handles and hosts a second origin claimed here: who holds each, who claimed
// it, what was done (issue 12's identity rules; GET /api/v1/server/identity-conflicts).
import type { IdentityConflict, IdentityConflictKind } from '../../../../shared/models/client-server.js'
import { useState } from 'preact/hooks'
import { chooseIdentityConflictHolder, listIdentityConflicts } from '../../api/server.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { t } from '../../i18n/i18n.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { setQuery, useLocation } from '../../router.js'
import { AdminLayout } from './admin-layout.js'

const KINDS: IdentityConflictKind[] = [ 'video-uuid', 'actor-handle', 'host-origin' ]
const PAGE_SIZE = 20

function outcomeText (conflict: IdentityConflict) {
  if (conflict.outcome === 'substitute-uuid') return t('conflicts.outcome.substitute-uuid', { substitute: conflict.substitute ?? '' })
  if (conflict.outcome === 'refused') return t('conflicts.outcome.refused')
  return conflict.outcome
}

function ConflictRow ({ conflict, onChanged }: { conflict: IdentityConflict; onChanged: () => void }) {
  const [ error, setError ] = useState<unknown>(null)
  // Only a uuid stored under a substitute can move: the claimant of a refused handle or host has no row here.
  const canGive = conflict.kind === 'video-uuid' && conflict.outcome === 'substitute-uuid'
  const give = async () => {
    if (!confirm(t('conflicts.confirmGive', { uuid: conflict.identifier, claimant: conflict.claimantUrl }))) return
    try {
      await chooseIdentityConflictHolder(conflict.id, conflict.claimantUrl)
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <tr data-testid="admin-conflict-row" data-kind={conflict.kind}>
      <td>{t(`conflicts.kind.${conflict.kind}`)}</td>
      <td><code data-testid="admin-conflict-identifier">{conflict.identifier}</code></td>
      <td><a href={conflict.holderUrl} rel="noopener noreferrer" target="_blank" data-testid="admin-conflict-holder">{conflict.holderUrl}</a></td>
      <td><a href={conflict.claimantUrl} rel="noopener noreferrer" target="_blank" data-testid="admin-conflict-claimant">{conflict.claimantUrl}</a></td>
      <td data-testid="admin-conflict-outcome">
        {outcomeText(conflict)}
        {conflict.resolvedAt && <small data-testid="admin-conflict-resolved"> ({t('conflicts.resolved', { date: formatDateTime(conflict.resolvedAt) })})</small>}
      </td>
      <td>{conflict.occurrences}</td>
      <td>{formatDateTime(conflict.updatedAt)}</td>
      <td>
        {canGive && <button type="button" data-testid="admin-conflict-give" onClick={give}>{t('conflicts.giveToClaimant')}</button>}
        <ErrorAlert error={error} />
      </td>
    </tr>
  )
}

export default function AdminIdentityConflicts () {
  const { query } = useLocation()
  const kindParam = query.get('kind') ?? ''
  const kind = (KINDS as string[]).includes(kindParam) ? kindParam as IdentityConflictKind : undefined
  const page = pageFromQuery(query)
  const conflicts = useAsync(() => listIdentityConflicts({ kind, start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE }), [kind, page])

  return (
    <AdminLayout adminOnly>
      <h1>{t('menu.adminIdentityConflicts')}</h1>
      <p>{t('conflicts.intro')}</p>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>{t('conflicts.kind')}{' '}
          <select data-testid="admin-conflicts-kind" value={kind ?? ''} onChange={e => setQuery({ kind: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
            <option value="">{t('conflicts.allKinds')}</option>
            {KINDS.map(k => <option key={k} value={k}>{t(`conflicts.kind.${k}`)}</option>)}
          </select>
        </label>
      </form>
      <ErrorAlert error={conflicts.error} />
      {conflicts.data && conflicts.data.total === 0 && <p data-testid="admin-conflicts-empty">{t('conflicts.empty')}</p>}
      {conflicts.data && conflicts.data.total !== 0 && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-conflicts">
            <thead><tr><th>{t('conflicts.kind')}</th><th>{t('conflicts.identifier')}</th><th>{t('conflicts.holder')}</th><th>{t('conflicts.claimant')}</th><th>{t('conflicts.outcome')}</th><th>{t('conflicts.occurrences')}</th><th>{t('conflicts.lastSeen')}</th><th /></tr></thead>
            <tbody>{conflicts.data.data.map(c => <ConflictRow key={c.id} conflict={c} onChanged={conflicts.reload} />)}</tbody>
          </table>
        </div>
      )}
      {conflicts.data && <Pagination total={conflicts.data.total} page={page} pageSize={PAGE_SIZE} />}
    </AdminLayout>
  )
}
