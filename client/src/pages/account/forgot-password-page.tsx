// /login/forgot-password — asks for a reset link. The answer is the same whether or not the address has an account.
import { useState } from 'preact/hooks'
import { askResetPassword } from '../../api/account-recovery.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { configStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'

export default function ForgotPasswordPage () {
  const config = useStore(configStore)
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      await askResetPassword(email.trim())
      setSent(true)
    } catch (err) {
      setError(err)
    }
  }
  const problem = humanizeProblem(error, { fields: [ 'email' ] })
  return (
    <section class="narrow" data-testid="forgot-password-page">
      <h1>{t('recovery.forgot.title')}</h1>
      {config?.email?.enabled === false && <p class="notice" data-testid="forgot-password-no-email">{t('recovery.noEmail')}</p>}
      {sent
        ? <p class="notice" role="status" data-testid="forgot-password-sent">{t('recovery.forgot.sent')}</p>
        : (
          <form onSubmit={submit} data-testid="forgot-password-form" noValidate>
            <p class="muted">{t('recovery.forgot.intro')}</p>
            <FormMessage message={problem.message} />
            <FormField id="email" label={t('recovery.forgot.email')} error={problem.fields.email}>
              <input {...fieldAria('email', problem.fields.email)} type="email" autocomplete="email" value={email} data-testid="forgot-password-email"
                onInput={e => setEmail((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <button type="submit" class="primary" disabled={!email.trim()} data-testid="forgot-password-submit">{t('recovery.forgot.submit')}</button>
          </form>
        )}
      <p><a href="/login">{t('recovery.backToLogin')}</a></p>
    </section>
  )
}
