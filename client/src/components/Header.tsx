// Site header: name, search, navigation and the account menu. Collapses to two rows on phones.
import { useStore } from '../lib/store.js'
import { configStore, isModeratorOrAdmin, sessionStore, signOut } from '../lib/session.js'
import { navigate } from '../router.js'
import { SearchBox } from './SearchBox.js'
import { NotificationBell } from './NotificationBell.js'

export function Header () {
  const { user, ready } = useStore(sessionStore)
  const config = useStore(configStore)
  const name = config?.instance?.name || 'Tubeless'

  const onLogout = async () => {
    await signOut()
    navigate('/')
  }

  return (
    <header class="site-header">
      <a href="/" class="brand" data-testid="home-link">{name}</a>
      <SearchBox />
      <nav class="site-nav" aria-label="Main">
        <a href="/videos/trending">Trending</a>
        <a href="/videos/local">Local</a>
        {user && <a href="/upload" data-testid="nav-upload">Upload</a>}
        {user && config?.live?.enabled && <a href="/videos/go-live" data-testid="nav-go-live">Go live</a>}
        {user && <a href="/my-library/videos" data-testid="nav-my-videos">My videos</a>}
        {user && <a href="/my-library/subscriptions" data-testid="nav-library">Library</a>}
        {user && <NotificationBell user={user} />}
        {isModeratorOrAdmin(user) && <a href="/admin" data-testid="nav-admin">Admin</a>}
        {ready && !user && <a href="/login" data-testid="nav-login">Log in</a>}
        {user && (
          <span class="account-menu">
            <a href="/my-account" data-testid="nav-account">{user.account.displayName || user.username}</a>
            <button type="button" class="link-button" onClick={onLogout} data-testid="logout-button">Log out</button>
          </span>
        )}
      </nav>
    </header>
  )
}
