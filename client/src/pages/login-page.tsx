// /login — password sign-in, with the way to sign up when the instance allows it.
import { useState } from 'preact/hooks'
import { ApiError } from '../api/problem.js'
import { FormMessage } from '../components/ErrorAlert.js'
import { FormField, fieldAria } from '../components/FormField.js'
import { humanizeProblem } from '../errors/problem-sentences.js'
import { t } from '../i18n/i18n.js'
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

  // access_denied: the account exists but its e-mail address is not confirmed yet (signup.requiresEmailVerification).
  const problem = humanizeProblem(error, { fields: FIELDS, messages: { 400: 'problem.wrongCredentials', access_denied: 'login.emailNotVerified' } })
  const unverified = error instanceof ApiError && error.code === 'access_denied'
  return (
    <section class="narrow" data-testid="login-page">
      <h1>{t('login.title')}</h1>
      {query.get('registered') && <p class="success" role="status" data-testid="login-registered">{t('login.registered')}</p>}
      <form onSubmit={submit} data-testid="login-form" noValidate>
        <FormMessage message={problem.message} testId="login-error" />
        {unverified && <p><a href="/verify-account/email" data-testid="login-resend-verification">{t('login.resendVerification')}</a></p>}
        <FormField id="username" label={t('login.username')} error={problem.fields.username}>
          <input {...fieldAria('username', problem.fields.username)} data-testid="login-username" autocomplete="username" required
            value={username} onInput={e => setUsername((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="password" label={t('login.password')} error={problem.fields.password}>
          <input {...fieldAria('password', problem.fields.password)} data-testid="login-password" type="password" autocomplete="current-password" required
            value={password} onInput={e => setPassword((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy || !username || !password}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <p class="muted small"><a href="/login/forgot-password" data-testid="forgot-password-link">{t('login.forgotPassword')}</a></p>
      </form>
      {config?.signup?.allowed && (
        <p class="login-signup">{t('login.noAccount')} <a href="/signup" data-testid="login-signup-link">{t('layout.signup')}</a></p>
      )}
    </section>
  )
}
