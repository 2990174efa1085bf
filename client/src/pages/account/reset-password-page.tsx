// /reset-password?userId=&verificationString= — the page of the reset link: choose a new password.
import { useState } from 'preact/hooks'
import { resetPassword } from '../../api/account-recovery.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { useLocation } from '../../router.js'

export default function ResetPasswordPage () {
  const { query } = useLocation()
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [done, setDone] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const userId = query.get('userId') ?? ''
  const secret = query.get('verificationString') ?? ''

  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      await resetPassword(userId, secret, password)
      setDone(true)
    } catch (err) {
      setError(err)
    }
  }
  // A used, expired or altered link is refused with 403 (or 404 for an unknown user): one sentence for both.
  const problem = humanizeProblem(error, { fields: [ 'password' ], messages: { 403: 'recovery.reset.badLink', 404: 'recovery.reset.badLink' } })
  if (!userId || !secret) {
    return (
      <section class="narrow" data-testid="reset-password-page">
        <h1>{t('recovery.reset.title')}</h1>
        <p class="error" role="alert" data-testid="reset-password-incomplete">{t('recovery.reset.incomplete')}</p>
        <p><a class="button" href="/login/forgot-password">{t('recovery.reset.askAgain')}</a></p>
      </section>
    )
  }
  return (
    <section class="narrow" data-testid="reset-password-page">
      <h1>{t('recovery.reset.title')}</h1>
      {done
        ? <p class="notice" role="status" data-testid="reset-password-done">{t('recovery.reset.done')} <a href="/login">{t('layout.login')}</a></p>
        : (
          <form onSubmit={submit} data-testid="reset-password-form" noValidate>
            <FormMessage message={problem.message} testId="reset-password-error" />
            {problem.message && <p><a href="/login/forgot-password">{t('recovery.reset.askAgain')}</a></p>}
            <FormField id="password" label={t('account.password.new')} error={problem.fields.password} hint={t('account.password.hint')}>
              <input {...fieldAria('password', problem.fields.password)} type="password" autocomplete="new-password" value={password} data-testid="reset-password-password"
                onInput={e => setPassword((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <FormField id="confirmation" label={t('account.password.confirm')} error={confirmation && confirmation !== password ? t('account.password.mismatch') : undefined}>
              <input {...fieldAria('confirmation')} type="password" autocomplete="new-password" value={confirmation} data-testid="reset-password-confirmation"
                onInput={e => setConfirmation((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <button type="submit" class="primary" disabled={!password || password !== confirmation} data-testid="reset-password-submit">{t('recovery.reset.submit')}</button>
          </form>
        )}
    </section>
  )
}
