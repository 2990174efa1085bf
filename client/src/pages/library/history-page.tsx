// /my-library/history/videos: what I watched (and where I stopped), the history switch, removal.
import { useState } from 'preact/hooks'
import { clearHistory, listHistory, removeFromHistory } from '../../api/library.js'
import { updateMe } from '../../api/users.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { watchPath } from '../../components/VideoCard.js'
import { formatDuration } from '../../lib/format.js'
import { refreshUser, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { LibraryNav } from './library-nav.js'

export default function HistoryPage () {
  const { user } = useStore(sessionStore)
  const [search, setSearch] = useState('')
  const history = useAsync(() => listHistory({ count: 100, search: search || undefined }), [search])
  const [error, setError] = useState<unknown>(null)
  const enabled = (user as unknown as { videosHistoryEnabled?: boolean } | null)?.videosHistoryEnabled !== false

  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
      history.reload()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section data-testid="history-page">
      <h1>History</h1>
      <LibraryNav />
      <p class="actions">
        <label>
          <input type="checkbox" checked={enabled} data-testid="history-enabled"
            onChange={e => run(async () => { await updateMe({ videosHistoryEnabled: (e.currentTarget as HTMLInputElement).checked } as never); await refreshUser() })} />
          {' '}Keep my watch history (and resume videos where I stopped)
        </label>
        {' '}<button type="button" class="danger" onClick={() => { if (confirm('Clear your whole history?')) void run(clearHistory) }} data-testid="history-clear">Clear history</button>
      </p>
      <input type="search" aria-label="Search my history" placeholder="Search my history" value={search} data-testid="history-search"
        onInput={e => setSearch((e.currentTarget as HTMLInputElement).value)} />
      <ErrorAlert error={error ?? history.error} />
      {history.data && history.data.data.length === 0 && <p class="muted" data-testid="empty-list">Nothing in your history.</p>}
      <ul class="plain-list" data-testid="history">
        {history.data?.data.map(video => (
          <li key={video.id} data-testid="history-item" data-uuid={video.uuid} data-current-time={video.userHistory?.currentTime ?? 0}>
            <a href={watchPath(video)}>{video.name}</a>
            <span class="muted"> · stopped at {formatDuration(video.userHistory?.currentTime ?? 0)} of {formatDuration(video.duration)}</span>
            {' '}<button type="button" class="link-button" onClick={() => run(() => removeFromHistory(video.id))}>Remove</button>
          </li>
        ))}
      </ul>
    </section>
  )
}
