// /about/contact — the contact form (mailed to the administrator).
import { useState } from 'preact/hooks'
import { sendContactForm } from '../api/account-recovery.js'
import { FormMessage } from '../components/ErrorAlert.js'
import { FormField, fieldAria } from '../components/FormField.js'
import { humanizeProblem } from '../errors/problem-sentences.js'
import { t } from '../i18n/i18n.js'
import { configStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

const FIELDS = [ 'fromName', 'fromEmail', 'subject', 'body' ]

export default function ContactPage () {
  const config = useStore(configStore)
  const [form, setForm] = useState({ fromName: '', fromEmail: '', subject: '', body: '' })
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value })

  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      await sendContactForm(form)
      setSent(true)
    } catch (err) {
      setError(err)
    }
  }
  if (config && config.contactForm?.enabled !== true) {
    return <section class="narrow" data-testid="contact-closed"><h1>{t('contact.title')}</h1><p class="muted">{t('contact.disabled')}</p></section>
  }
  // 403: one message an hour from one address; 409: the form was switched off meanwhile.
  const problem = humanizeProblem(error, { fields: FIELDS, messages: { 403: 'contact.tooSoon', 409: 'contact.disabled' } })
  const errors = problem.fields
  return (
    <section class="narrow" data-testid="contact-page">
      <h1>{t('contact.title')}</h1>
      {sent ? <p class="notice" role="status" data-testid="contact-sent">{t('contact.sent')}</p> : (
        <form onSubmit={submit} data-testid="contact-form" noValidate>
          <FormMessage message={problem.message} testId="contact-error" />
          <FormField id="fromName" label={t('contact.name')} error={errors.fromName}><input {...fieldAria('fromName', errors.fromName)} autocomplete="name" value={form.fromName} onInput={set('fromName')} /></FormField>
          <FormField id="fromEmail" label={t('contact.email')} error={errors.fromEmail}><input {...fieldAria('fromEmail', errors.fromEmail)} type="email" autocomplete="email" value={form.fromEmail} onInput={set('fromEmail')} /></FormField>
          <FormField id="subject" label={t('contact.subject')} error={errors.subject}><input {...fieldAria('subject', errors.subject)} value={form.subject} onInput={set('subject')} /></FormField>
          <FormField id="body" label={t('contact.body')} error={errors.body}><textarea {...fieldAria('body', errors.body)} rows={6} value={form.body} onInput={set('body')} /></FormField>
          <button type="submit" class="primary" data-testid="contact-submit">{t('contact.send')}</button>
        </form>
      )}
    </section>
  )
}
