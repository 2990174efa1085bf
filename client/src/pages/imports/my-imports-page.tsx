// /my-library/video-imports — the user's imports: source, state (with the reason of a failure), cancel, delete.
import { useState } from 'preact/hooks'
import { VideoImportState, type VideoImportJson } from '../../../../shared/models/video-imports.js'
import { cancelImport, deleteImport, listMyImports } from '../../api/imports.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { t } from '../../i18n/i18n.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { useLocation } from '../../router.js'

const PAGE_SIZE = 20
const RUNNING: number[] = [ VideoImportState.PENDING, VideoImportState.PROCESSING ]

function sourceOf (item: VideoImportJson) {
  return item.targetUrl ?? item.torrentName ?? item.magnetUri ?? ''
}

export default function MyImportsPage () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const list = useAsync(() => listMyImports({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE }), [page])
  const [error, setError] = useState<unknown>(null)

  const act = async (fn: () => Promise<void>) => {
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(err)
    } finally {
      list.reload()
    }
  }

  return (
    <section data-testid="my-imports-page">
      <h1>{t('imports.myImports')}</h1>
      <p class="actions"><a class="button primary" href="/videos/import">{t('imports.title')}</a> <button type="button" onClick={() => list.reload()} data-testid="imports-refresh">{t('imports.refresh')}</button></p>
      <ErrorAlert error={list.error ?? error} />
      {list.data && list.data.data.length === 0 && <p class="muted" data-testid="empty-list">{t('imports.empty')}</p>}
      {list.data && list.data.data.length > 0 && (
        <ul class="row-list" data-testid="my-imports">
          {list.data.data.map(item => (
            <li key={item.id} data-testid="my-import" data-state={item.state.id}>
              <div>
                <strong>{item.video ? <a href={`/videos/watch/${String(item.video.uuid)}`}>{String(item.video.name)}</a> : t('imports.videoGone')}</strong>
                <div class="muted" style="word-break: break-all">{sourceOf(item)}</div>
                <div><span class="badge" data-testid="import-state">{item.state.label}</span> <span class="muted">{formatDateTime(item.createdAt)}</span></div>
                {item.error && <div class="field-error" data-testid="import-error-text">{item.error}</div>}
              </div>
              <div class="actions">
                {RUNNING.includes(item.state.id) && <button type="button" data-testid="import-cancel" onClick={() => act(() => cancelImport(item.id))}>{t('imports.cancel')}</button>}
                {!RUNNING.includes(item.state.id) && <button type="button" data-testid="import-delete" onClick={() => act(() => deleteImport(item.id))}>{t('imports.delete')}</button>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination page={page} total={list.data.total} pageSize={PAGE_SIZE} />}
    </section>
  )
}
