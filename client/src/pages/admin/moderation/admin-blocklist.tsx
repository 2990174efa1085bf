// /admin/moderation/muted-accounts and /muted-servers — what the instance mutes for everyone. A muted server is
// also refused by the inbox and gets no deliveries.
import { BlocklistManager } from '../../../components/moderation/BlocklistManager.js'
import { t } from '../../../i18n/i18n.js'
import { ModerationLayout } from './moderation-layout.js'

export function AdminMutedAccounts () {
  return (
    <ModerationLayout>
      <h1>{t('moderation.tab.mutedAccounts')}</h1>
      <p class="muted">{t('mute.instanceAccountsIntro')}</p>
      <BlocklistManager scope="server" kind="accounts" />
    </ModerationLayout>
  )
}

export function AdminMutedServers () {
  return (
    <ModerationLayout>
      <h1>{t('moderation.tab.mutedServers')}</h1>
      <p class="muted">{t('mute.instanceServersIntro')}</p>
      <BlocklistManager scope="server" kind="servers" />
    </ModerationLayout>
  )
}

export default AdminMutedAccounts
