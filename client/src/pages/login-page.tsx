// /login — password sign-in. Server messages (problem+json `detail`, `invalid-params`) show next to fields.
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { configStore, signIn } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { navigate, useLocation } from '../router.js'

const FIELDS = ['username', 'password']

export default function LoginPage () {
  const { query } = useLocation()
  const config = useStore(configStore)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(username.trim(), password)
      const back = query.get('redirect')
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/', { replace: true })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const fieldErrors = fieldErrorsOf(error)
  const formError = formErrorOf(error, FIELDS)
  return (
    <section class="narrow">
      <h1>Log in</h1>
      <form onSubmit={submit} data-testid="login-form" noValidate>
        {formError && <ErrorAlert error={new Error(formError)} testId="login-error" />}
        <FormField id="username" label="Username or email" error={fieldErrors.username}>
          <input {...fieldAria('username', fieldErrors.username)} data-testid="login-username" autocomplete="username" required
            value={username} onInput={e => setUsername((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="password" label="Password" error={fieldErrors.password}>
          <input {...fieldAria('password', fieldErrors.password)} data-testid="login-password" type="password" autocomplete="current-password" required
            value={password} onInput={e => setPassword((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy || !username || !password}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p class="muted small"><a href="/login/forgot-password" data-testid="forgot-password-link">Forgot your password?</a></p>
      </form>
      {config?.signup?.allowed && config.signup.requiresApproval && (
        <p>No account yet? <a href="/signup/request" data-testid="nav-request-account">Request one</a>: a moderator reviews requests.</p>
      )}
    </section>
  )
}
