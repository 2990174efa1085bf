// On an account's (or a channel's owner's) page: report the account, mute it or its whole server for me, and,
// for moderators, for the whole instance. The current state comes from GET /blocklist/status.
import { useState } from 'preact/hooks'
import type { Account } from '../../../../shared/models/client-user.js'
import { blockAccount, blockServer, getBlockStatus, unblockAccount, unblockServer, type BlocklistScope } from '../../api/moderation.js'
import { isModeratorOrAdmin, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { ReportDialog } from './ReportDialog.js'

type AccountRef = Pick<Account, 'id' | 'name' | 'host' | 'displayName'>

export function AccountModerationActions ({ account }: { account: AccountRef }) {
  const { user } = useStore(sessionStore)
  const handle = `${account.name}@${account.host}`
  const remote = account.host !== window.location.host
  const status = useAsync(() => (user ? getBlockStatus({ accounts: [handle], hosts: remote ? [account.host] : [] }) : Promise.resolve(null)), [handle, user?.id])
  const [reporting, setReporting] = useState(false)
  const [error, setError] = useState<unknown>(null)

  if (!user || user.account.id === account.id) return null
  const accountStatus = status.data?.accounts[handle]
  const hostStatus = status.data?.hosts[account.host]
  const moderator = isModeratorOrAdmin(user)

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
    status.reload()
  }
  const toggleAccount = (scope: BlocklistScope, muted: boolean | undefined) =>
    run(() => (muted ? unblockAccount(scope, handle) : blockAccount(scope, handle)))
  const toggleServer = (scope: BlocklistScope, muted: boolean | undefined) =>
    run(() => (muted ? unblockServer(scope, account.host) : blockServer(scope, account.host)))

  return (
    <div class="actions" data-testid="account-moderation">
      <button type="button" onClick={() => setReporting(true)} data-testid="report-account">Report</button>
      <button type="button" onClick={() => void toggleAccount('me', accountStatus?.blockedByUser)}
        data-testid={accountStatus?.blockedByUser ? 'unmute-account' : 'mute-account'}>
        {accountStatus?.blockedByUser ? 'Unmute this account' : 'Mute this account'}
      </button>
      {remote && (
        <button type="button" onClick={() => void toggleServer('me', hostStatus?.blockedByUser)}
          data-testid={hostStatus?.blockedByUser ? 'unmute-server' : 'mute-server'}>
          {hostStatus?.blockedByUser ? `Unmute ${account.host}` : `Mute ${account.host}`}
        </button>
      )}
      {moderator && (
        <button type="button" class="danger" onClick={() => void toggleAccount('server', accountStatus?.blockedByServer)}
          data-testid={accountStatus?.blockedByServer ? 'instance-unmute-account' : 'instance-mute-account'}>
          {accountStatus?.blockedByServer ? 'Unmute for everyone' : 'Mute for everyone'}
        </button>
      )}
      {moderator && remote && (
        <button type="button" class="danger" onClick={() => void toggleServer('server', hostStatus?.blockedByServer)}
          data-testid={hostStatus?.blockedByServer ? 'instance-unmute-server' : 'instance-mute-server'}>
          {hostStatus?.blockedByServer ? `Unblock ${account.host} for everyone` : `Block ${account.host} for everyone`}
        </button>
      )}
      <ErrorAlert error={error} testId="account-moderation-error" />
      {reporting && <ReportDialog target={{ kind: 'account', id: account.id, name: account.displayName || handle }} onClose={() => setReporting(false)} />}
    </div>
  )
}
