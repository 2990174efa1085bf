// Changing the e-mail address: needs the current password, so a borrowed session cannot take the account over.
import { useState } from 'preact/hooks'
import type { User } from '../../../../shared/models/client-user.js'
import { updateMe } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { t } from '../../i18n/i18n.js'
import { configStore, refreshUser } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useSave } from './use-save.js'

export function EmailSection ({ user }: { user: User }) {
  const config = useStore(configStore)
  const [email, setEmail] = useState('')
  const [currentPassword, setCurrentPassword] = useState('')
  const save = useSave({ fields: [ 'email', 'currentPassword' ] })

  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await save.run(async () => {
      await updateMe({ email: email.trim(), currentPassword })
      await refreshUser()
    })
    if (ok) { setEmail(''); setCurrentPassword('') }
  }

  return (
    <form onSubmit={submit} data-testid="email-form" noValidate>
      <p>{t('account.email.current')} <strong data-testid="email-current">{user.email}</strong></p>
      {user.pendingEmail && <p class="notice">{t('account.email.pending', { email: user.pendingEmail })}</p>}
      <FormMessage message={save.problem.message} testId="email-error" />
      <FormField id="email" label={t('account.email.new')} error={save.problem.fields.email}
        hint={config?.signup?.requiresEmailVerification ? t('account.email.verifyHint') : undefined}>
        <input {...fieldAria('email', save.problem.fields.email)} type="email" autocomplete="email" data-testid="email-new" value={email}
          onInput={e => setEmail((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <FormField id="currentPassword" label={t('account.currentPassword')} error={save.problem.fields.currentPassword}>
        <input {...fieldAria('currentPassword', save.problem.fields.currentPassword)} type="password" autocomplete="current-password" data-testid="email-current-password"
          value={currentPassword} onInput={e => setCurrentPassword((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <p class="actions">
        <button type="submit" class="primary" disabled={save.busy || !email || !currentPassword} data-testid="email-save">{t('account.email.save')}</button>
        {save.saved && <span class="success" role="status" data-testid="email-saved">{t(user.pendingEmail ? 'account.email.checkInbox' : 'common.saved')}</span>}
      </p>
    </form>
  )
}
