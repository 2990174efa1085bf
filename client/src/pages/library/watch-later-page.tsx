// /my-library/watch-later: the user's Watch later playlist, managed like any other.
import { t } from '../../i18n/i18n.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { PlaylistEditPage } from './playlist-edit-page.js'

export default function WatchLaterPage () {
  // /users/me names it (specialPlaylists, type 2): every user gets one with the account.
  const { user } = useStore(sessionStore)
  const watchLater = user?.specialPlaylists?.find(p => p.type === 2)
  if (!watchLater) return <p class="muted" data-testid="watch-later-missing">{t('playlists.noWatchLater')}</p>
  return <PlaylistEditPage id={String(watchLater.id)} />
}
