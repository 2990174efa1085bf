// /my-library — everything of one's own in one place. Other areas (playlists, history, watch later) add a card
// to LIBRARY_CARDS.
import { t, type MessageKey } from '../../i18n/i18n.js'
import { Icon, type IconName } from '../../components/Icon.js'
import { QuotaLine } from './my-videos-page.js'

export interface LibraryCard {
  id: string
  href: string
  icon: IconName
  title: MessageKey
  text: MessageKey
  order: number
}

export const LIBRARY_CARDS: LibraryCard[] = [
  { id: 'videos', href: '/my-library/videos', icon: 'video', title: 'menu.myVideos', text: 'library.videos', order: 10 },
  { id: 'channels', href: '/my-library/video-channels', icon: 'channel', title: 'menu.myChannels', text: 'library.channels', order: 20 },
  { id: 'subscriptions', href: '/videos/subscriptions', icon: 'subscriptions', title: 'menu.subscriptions', text: 'library.subscriptions', order: 30 },
  { id: 'playlists', href: '/my-library/video-playlists', icon: 'playlist', title: 'menu.playlists', text: 'library.playlists', order: 40 },
  { id: 'watch-later', href: '/my-library/watch-later', icon: 'clock', title: 'menu.watchLater', text: 'library.watchLater', order: 50 },
  { id: 'history', href: '/my-library/history/videos', icon: 'history', title: 'menu.history', text: 'library.history', order: 60 },
  { id: 'account', href: '/my-account', icon: 'settings', title: 'menu.myAccount', text: 'library.account', order: 90 }
]

export default function MyLibraryPage () {
  return (
    <section data-testid="my-library-page">
      <h1>{t('menu.library')}</h1>
      <QuotaLine />
      <ul class="card-list">
        {[ ...LIBRARY_CARDS ].sort((a, b) => a.order - b.order).map(card => (
          <li key={card.id}>
            <a class="card" href={card.href} data-testid={`library-${card.id}`}>
              <Icon name={card.icon} size={28} />
              <strong>{t(card.title)}</strong>
              <span class="muted small">{t(card.text)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
