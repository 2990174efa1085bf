// /admin/moderation/muted-accounts and /muted-servers — what the instance mutes for everyone. A muted server is
// also refused by the inbox and gets no deliveries.
import { BlocklistManager } from '../../../components/moderation/BlocklistManager.js'
import { ModerationLayout } from './moderation-layout.js'

export function AdminMutedAccounts () {
  return (
    <ModerationLayout>
      <h1>Muted accounts</h1>
      <p class="muted">Their videos are hidden from everyone on this instance, and they cannot follow it.</p>
      <BlocklistManager scope="server" kind="accounts" />
    </ModerationLayout>
  )
}

export function AdminMutedServers () {
  return (
    <ModerationLayout>
      <h1>Muted servers</h1>
      <p class="muted">Their content is hidden from everyone; this instance refuses their activities and sends them nothing.</p>
      <BlocklistManager scope="server" kind="servers" />
    </ModerationLayout>
  )
}

export default AdminMutedAccounts
