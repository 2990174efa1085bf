// Deleting one's account, with what it means spelled out, and the username typed to confirm.
import { useState } from 'preact/hooks'
import type { User } from '../../../../shared/models/client-user.js'
import { deleteMe, getMyQuotaUsed } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { t, tn } from '../../i18n/i18n.js'
import { listMyVideos } from '../../api/videos.js'
import { formatBytes } from '../../lib/format.js'
import { forgetSession } from '../../lib/session.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'
import { useSave } from './use-save.js'

/** PeerTube never lets the root account go. */
const ROOT_USERNAME = 'root'

export function DeleteAccountSection ({ user }: { user: User }) {
  const [typed, setTyped] = useState('')
  const save = useSave({ fields: [], messages: { 400: 'account.delete.refused' } })
  const videos = useAsync(() => listMyVideos({ count: 1 }), [])
  const quota = useAsync(() => getMyQuotaUsed(), [])

  if (user.username === ROOT_USERNAME) return <p class="muted" data-testid="delete-account-root">{t('account.delete.root')}</p>

  const channels = user.videoChannels?.length ?? 0
  const submit = async (event: Event) => {
    event.preventDefault()
    if (typed !== user.username) return
    const ok = await save.run(() => deleteMe())
    if (ok) {
      forgetSession()
      navigate('/?account-deleted=1', { replace: true })
    }
  }

  return (
    <form onSubmit={submit} class="danger-zone" data-testid="delete-account-form">
      <p>{t('account.delete.intro')}</p>
      {(!videos.data || !quota.data) && <p class="muted" aria-busy="true">{t('common.loading')}</p>}
      {videos.data && quota.data && <ul data-testid="delete-account-consequences">
        <li>{tn('account.delete.videos', videos.data.total, { size: formatBytes(quota.data.videoQuotaUsed) })}</li>
        <li>{tn('account.delete.channels', channels)}</li>
        <li>{t('account.delete.profile')}</li>
        <li>{t('account.delete.federation')}</li>
        <li>{t('account.delete.name', { username: user.username })}</li>
        <li><strong>{t('account.delete.final')}</strong></li>
      </ul>}
      <label for="delete-confirm">{t('account.delete.confirm', { username: user.username })}</label>
      <input id="delete-confirm" data-testid="delete-account-confirm" autocomplete="off" value={typed} onInput={e => setTyped((e.currentTarget as HTMLInputElement).value)} />
      <FormMessage message={save.problem.message} testId="delete-account-error" />
      <p class="actions">
        <button type="submit" class="danger" disabled={save.busy || typed !== user.username} data-testid="delete-account-submit">{t('account.delete.submit')}</button>
      </p>
    </form>
  )
}
