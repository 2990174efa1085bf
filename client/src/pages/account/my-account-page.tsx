// /my-account — the user's settings, one section each (see account-sections.tsx to add one).
import { t } from '../../i18n/i18n.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { QuotaLine } from './my-videos-page.js'
import { ACCOUNT_SECTIONS } from './account-sections.js'

export default function MyAccountPage () {
  const { user } = useStore(sessionStore)
  if (!user) return null
  const sections = ACCOUNT_SECTIONS.filter(s => s.visible?.(user) ?? true).sort((a, b) => a.order - b.order)
  return (
    <div class="account-page" data-testid="my-account-page">
      <h1>{t('menu.myAccount')}</h1>
      <p class="muted">{user.username} · {user.email}</p>
      <QuotaLine />
      <nav class="section-nav" aria-label={t('account.sections')}>
        {sections.map(section => <a key={section.id} href={`#${section.id}`} data-native>{t(section.title)}</a>)}
      </nav>
      {sections.map(section => (
        <section key={section.id} id={section.id} class="settings-section" data-testid={`account-section-${section.id}`} aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`}>{t(section.title)}</h2>
          {section.render(user)}
        </section>
      ))}
    </div>
  )
}
