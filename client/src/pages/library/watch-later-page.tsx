// /my-library/watch-later: the user's Watch later playlist, managed like any other.
import { getMe } from '../../api/users.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { useAsync } from '../../lib/use-async.js'
import { PlaylistEditPage } from './playlist-edit-page.js'

/** /my-library/watch-later: the user's Watch later playlist. */
export default function WatchLaterPage () {
  const me = useAsync(() => getMe() as Promise<unknown> as Promise<{ specialPlaylists?: { id: number, type: number }[] }>, [])
  if (me.error) return <ErrorAlert error={me.error} />
  const watchLater = me.data?.specialPlaylists?.find(p => p.type === 2)
  if (!me.data) return <p class="muted" aria-busy="true">Loading…</p>
  if (!watchLater) return <p class="muted">No Watch later playlist.</p>
  return <PlaylistEditPage id={String(watchLater.id)} />
}

