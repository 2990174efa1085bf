// /reset-password?userId=&verificationString= — the page of the reset link: choose a new password.
import { useState } from 'preact/hooks'
import { resetPassword } from '../../api/account-recovery.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../../components/FormField.js'
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
  const fieldErrors = fieldErrorsOf(error)
  if (!userId || !secret) return <section class="narrow"><h1>Reset your password</h1><p class="error" role="alert">This link is incomplete: open the one of the e-mail.</p></section>
  return (
    <section class="narrow" data-testid="reset-password-page">
      <h1>Choose a new password</h1>
      {done
        ? <p class="notice" role="status" data-testid="reset-password-done">Your password is changed. <a href="/login">Log in</a> with it.</p>
        : (
          <form onSubmit={submit} data-testid="reset-password-form" noValidate>
            {!fieldErrors.password && <ErrorAlert error={error} testId="reset-password-error" />}
            <FormField id="password" label="New password" error={fieldErrors.password}>
              <input {...fieldAria('password', fieldErrors.password)} type="password" autocomplete="new-password" value={password} data-testid="reset-password-password"
                onInput={e => setPassword((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <FormField id="confirmation" label="Again" error={confirmation && confirmation !== password ? 'The two passwords differ' : undefined}>
              <input {...fieldAria('confirmation')} type="password" autocomplete="new-password" value={confirmation} data-testid="reset-password-confirmation"
                onInput={e => setConfirmation((e.currentTarget as HTMLInputElement).value)} />
            </FormField>
            <button type="submit" class="primary" disabled={!password || password !== confirmation} data-testid="reset-password-submit">Change my password</button>
          </form>
        )}
    </section>
  )
}
