// /my-account/blocklist — accounts and servers I muted: their videos are hidden from me everywhere.
import { BlocklistManager } from '../../components/moderation/BlocklistManager.js'
import { t } from '../../i18n/i18n.js'

export default function MyBlocklistPage () {
  return (
    <section class="narrow" data-testid="my-blocklist-page">
      <h1>{t('menu.myBlocklist')}</h1>
      <p class="muted">{t('mute.mineIntro')}</p>
      <h2>{t('mute.accounts')}</h2>
      <BlocklistManager scope="me" kind="accounts" />
      <h2>{t('mute.servers')}</h2>
      <BlocklistManager scope="me" kind="servers" />
      <p><a href="/my-account#moderation">{t('menu.myAccount')}</a></p>
    </section>
  )
}
