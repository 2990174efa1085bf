// /login/forgot-password — asks for a reset link. The answer is the same whether or not the address has an account.
import { useState } from 'preact/hooks'
import { askResetPassword } from '../../api/account-recovery.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../../components/FormField.js'

export default function ForgotPasswordPage () {
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
  const fieldErrors = fieldErrorsOf(error)
  return (
    <section class="narrow" data-testid="forgot-password-page">
      <h1>Forgot your password?</h1>
      {sent
        ? <p class="notice" role="status" data-testid="forgot-password-sent">If an account has this address, a link to choose a new password is on its way. It works once, within an hour.</p>
        : (
          <form onSubmit={submit} data-testid="forgot-password-form" noValidate>
            {!fieldErrors.email && <ErrorAlert error={error} />}
            <FormField id="email" label="Your e-mail address" error={fieldErrors.email}>
              <input {...fieldAria('email', fieldErrors.email)} type="email" autocomplete="email" value={email} data-testid="forgot-password-email"
                onInput={e => setEmail((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <button type="submit" class="primary" disabled={!email.trim()} data-testid="forgot-password-submit">Send me a link</button>
          </form>
        )}
    </section>
  )
}
