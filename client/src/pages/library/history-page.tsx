// /my-library/history/videos: what I watched (and where I stopped), the history switch, removal.
import { useState } from 'preact/hooks'
import { clearHistory, listHistory, removeFromHistory } from '../../api/library.js'
import { updateMe } from '../../api/users.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { watchPath } from '../../components/VideoCard.js'
import { t } from '../../i18n/i18n.js'
import { formatDuration } from '../../lib/format.js'
import { refreshUser, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'

export default function HistoryPage () {
  const { user } = useStore(sessionStore)
  const [search, setSearch] = useState('')
  const history = useAsync(() => listHistory({ count: 100, search: search || undefined }), [search])
  const [error, setError] = useState<unknown>(null)
  const enabled = user?.videosHistoryEnabled !== false

  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
      history.reload()
    } catch (err) {
      setError(err)
    }
  }
  const setEnabled = (on: boolean) => run(async () => { await updateMe({ videosHistoryEnabled: on }); await refreshUser() })

  return (
    <section data-testid="history-page">
      <h1>{t('menu.history')}</h1>
      <p class="actions">
        <label>
          <input type="checkbox" checked={enabled} data-testid="history-enabled" onChange={e => setEnabled((e.currentTarget as HTMLInputElement).checked)} />
          {' '}{t('history.enabled')}
        </label>
        {' '}<button type="button" class="danger" onClick={() => { if (confirm(t('history.clearConfirm'))) void run(clearHistory) }} data-testid="history-clear">{t('history.clear')}</button>
      </p>
      <input type="search" aria-label={t('history.search')} placeholder={t('history.search')} value={search} data-testid="history-search"
        onInput={e => setSearch((e.currentTarget as HTMLInputElement).value)} />
      <ErrorAlert error={error ?? history.error} />
      {history.data && history.data.data.length === 0 && <p class="muted" data-testid="empty-list">{t(search ? 'history.noMatch' : 'history.empty')}</p>}
      <ul class="plain-list" data-testid="history">
        {history.data?.data.map(video => (
          <li key={video.id} data-testid="history-item" data-uuid={video.uuid} data-current-time={video.userHistory?.currentTime ?? 0}>
            <a href={watchPath(video)}>{video.name}</a>
            <span class="muted"> · {t('history.stoppedAt', { time: formatDuration(video.userHistory?.currentTime ?? 0), duration: formatDuration(video.duration) })}</span>
            {' '}<button type="button" class="link-button" onClick={() => run(() => removeFromHistory(video.id))} data-testid="history-remove">{t('history.remove')}</button>
          </li>
        ))}
      </ul>
    </section>
  )
}
