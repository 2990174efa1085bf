// The bar above every page: menu button, instance name, search, and the account (or log in / sign up).
import { Avatar } from '../../components/Avatar.js'
import { Icon } from '../../components/Icon.js'
import { SearchBox } from '../../components/SearchBox.js'
import { t } from '../../i18n/i18n.js'
import { sessionStore, signOut } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { navigate } from '../../router.js'
import { TOP_BAR_ITEMS } from '../areas.js'
import { useMenuContext } from './menu-context.js'
import { isMenuShown, menuStore, toggleMenu } from './menu-state.js'

export function TopBar () {
  const context = useMenuContext()
  const { user, config } = context
  const menu = useStore(menuStore)
  const { ready } = useStore(sessionStore)
  const name = config?.instance?.name || 'Tubeless'
  const signupAllowed = config?.signup?.allowed === true

  const onLogout = async () => {
    await signOut()
    navigate('/')
  }

  return (
    <header class="top-bar">
      <button type="button" class="icon-button menu-toggle" onClick={toggleMenu} data-testid="menu-toggle"
        aria-controls="side-menu" aria-expanded={isMenuShown(menu)} aria-label={t('layout.menuToggle')}>
        <Icon name="menu" />
      </button>
      <a href="/" class="brand" data-testid="home-link">{name}</a>
      <SearchBox />
      <div class="top-actions">
        {TOP_BAR_ITEMS.map(item => <span key={item.id}>{item.render(context)}</span>)}
        {user && (
          <a href="/upload" class="button primary top-upload" data-testid="nav-upload">
            <Icon name="upload" size={18} /> <span class="label-wide">{t('layout.publish')}</span>
          </a>
        )}
        {user && (
          <span class="account-menu">
            <a href="/my-account" class="account-link" data-testid="nav-account">
              <Avatar images={user.account.avatars} name={user.account.displayName} size={28} />
              <span class="label-wide">{user.account.displayName || user.username}</span>
            </a>
            <button type="button" class="link-button" onClick={onLogout} data-testid="logout-button">{t('layout.logout')}</button>
          </span>
        )}
        {ready && !user && (
          <>
            <a href="/login" data-testid="nav-login">{t('layout.login')}</a>
            {signupAllowed && <a href="/signup" class="button" data-testid="nav-signup">{t('layout.signup')}</a>}
          </>
        )}
      </div>
    </header>
  )
}
