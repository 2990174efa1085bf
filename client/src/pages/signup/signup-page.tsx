// /signup — the instance's rules first, then the account (and the reason, when a moderator approves sign-ups),
// then what happens next: signed in at once, an e-mail to confirm, or a request waiting for a moderator.
import { useState } from 'preact/hooks'
import { getAbout } from '../../api/server.js'
import { registerUser, requestRegistration } from '../../api/users.js'
import { t } from '../../i18n/i18n.js'
import { configStore, signIn } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { SignupAccountForm, type SignupValues } from './signup-account-form.js'
import { SignupDone, type SignupOutcome } from './signup-done.js'
import { SignupTerms } from './signup-terms.js'

type Step = 'terms' | 'account' | 'done'

export default function SignupPage () {
  const config = useStore(configStore)
  const about = useAsync(() => getAbout(), [])
  const [step, setStep] = useState<Step>('terms')
  const [outcome, setOutcome] = useState<SignupOutcome>('signed-in')

  if (!config) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const signup = config.signup ?? {}
  if (!signup.allowed && step !== 'done') {
    return (
      <section class="narrow" data-testid="signup-closed">
        <h1>{t('signup.title', { name: config.instance?.name ?? 'Tubeless' })}</h1>
        <p>{t('signup.closed')}</p>
        <p class="actions"><a class="button" href="/about">{t('home.aboutLink')}</a> <a class="button" href="/login">{t('layout.login')}</a></p>
      </section>
    )
  }
  const approval = signup.requiresApproval === true
  const verification = signup.requiresEmailVerification === true

  const submit = async (values: SignupValues) => {
    const body = {
      username: values.username,
      password: values.password,
      email: values.email,
      displayName: values.displayName || undefined,
      channel: values.channelName ? { name: values.channelName, displayName: values.channelDisplayName || values.channelName } : undefined
    }
    if (approval) {
      await requestRegistration({ ...body, registrationReason: values.registrationReason })
      setOutcome(verification ? 'requested-verify' : 'requested')
    } else {
      await registerUser(body)
      if (verification) {
        setOutcome('verify-email')
      } else {
        // Signed in straight away, as PeerTube does; if that fails the account still exists.
        await signIn(values.username, values.password).then(() => setOutcome('signed-in'), () => setOutcome('created'))
      }
    }
    setStep('done')
  }

  return (
    <section class="narrow signup" data-testid="signup-page" data-step={step} data-approval={approval}>
      <h1>{t('signup.title', { name: config.instance?.name ?? 'Tubeless' })}</h1>
      <ol class="stepper" aria-label={t('signup.steps')}>
        <li aria-current={step === 'terms' ? 'step' : undefined}>{t('signup.step.terms')}</li>
        <li aria-current={step === 'account' ? 'step' : undefined}>{t(approval ? 'signup.step.request' : 'signup.step.account')}</li>
        <li aria-current={step === 'done' ? 'step' : undefined}>{t('signup.step.done')}</li>
      </ol>
      {step === 'terms' && <SignupTerms about={about.data ?? null} minimumAge={signup.minimumAge ?? 16} approval={approval} onAccept={() => setStep('account')} />}
      {step === 'account' && <SignupAccountForm approval={approval} onSubmit={submit} onBack={() => setStep('terms')} />}
      {step === 'done' && <SignupDone outcome={outcome} />}
    </section>
  )
}
