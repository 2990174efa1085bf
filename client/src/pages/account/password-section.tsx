// Changing the password: the current one, the new one twice.
import { useState } from 'preact/hooks'
import { updateMe } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { t } from '../../i18n/i18n.js'
import { useSave } from './use-save.js'

export function PasswordSection () {
  const [currentPassword, setCurrentPassword] = useState('')
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const save = useSave({ fields: [ 'password', 'currentPassword' ] })

  const submit = async (event: Event) => {
    event.preventDefault()
    if (password !== confirmation) return setMismatch(true)
    setMismatch(false)
    const ok = await save.run(() => updateMe({ password, currentPassword }))
    if (ok) { setCurrentPassword(''); setPassword(''); setConfirmation('') }
  }

  return (
    <form onSubmit={submit} data-testid="password-form" noValidate>
      <FormMessage message={save.problem.message} testId="password-error" />
      <FormField id="password-current" label={t('account.currentPassword')} error={save.problem.fields.currentPassword}>
        <input {...fieldAria('password-current', save.problem.fields.currentPassword)} type="password" autocomplete="current-password" data-testid="password-current"
          value={currentPassword} onInput={e => setCurrentPassword((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <FormField id="password" label={t('account.password.new')} error={save.problem.fields.password} hint={t('account.password.hint')}>
        <input {...fieldAria('password', save.problem.fields.password)} type="password" autocomplete="new-password" data-testid="password-new"
          value={password} onInput={e => setPassword((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <FormField id="password-confirm" label={t('account.password.confirm')} error={mismatch ? t('account.password.mismatch') : undefined}>
        <input {...fieldAria('password-confirm', mismatch ? 'x' : undefined)} type="password" autocomplete="new-password" data-testid="password-confirm"
          value={confirmation} onInput={e => setConfirmation((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <p class="actions">
        <button type="submit" class="primary" disabled={save.busy || !currentPassword || !password} data-testid="password-save">{t('account.password.save')}</button>
        {save.saved && <span class="success" role="status" data-testid="password-saved">{t('account.password.saved')}</span>}
      </p>
    </form>
  )
}
