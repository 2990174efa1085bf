// /about/contact — the contact form (mailed to the administrator).
import { useState } from 'preact/hooks'
import { sendContactForm } from '../api/account-recovery.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { configStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

const FIELDS = [ 'fromName', 'fromEmail', 'subject', 'body' ]

export default function ContactPage () {
  const config = useStore(configStore) as { contactForm?: { enabled?: boolean } } | null
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
  if (config && config.contactForm?.enabled === false) return <section class="narrow"><h1>Contact</h1><p class="muted">The contact form is not enabled on this instance.</p></section>
  const fieldErrors = fieldErrorsOf(error)
  return (
    <section class="narrow" data-testid="contact-page">
      <h1>Contact the administrator</h1>
      {sent ? <p class="notice" role="status" data-testid="contact-sent">Your message was sent.</p> : (
        <form onSubmit={submit} data-testid="contact-form" noValidate>
          {formErrorOf(error, FIELDS) && <ErrorAlert error={new Error(formErrorOf(error, FIELDS)!)} />}
          <FormField id="fromName" label="Your name" error={fieldErrors.fromName}><input {...fieldAria('fromName', fieldErrors.fromName)} value={form.fromName} onInput={set('fromName')} /></FormField>
          <FormField id="fromEmail" label="Your e-mail" error={fieldErrors.fromEmail}><input {...fieldAria('fromEmail', fieldErrors.fromEmail)} type="email" value={form.fromEmail} onInput={set('fromEmail')} /></FormField>
          <FormField id="subject" label="Subject" error={fieldErrors.subject}><input {...fieldAria('subject', fieldErrors.subject)} value={form.subject} onInput={set('subject')} /></FormField>
          <FormField id="body" label="Message" error={fieldErrors.body}><textarea {...fieldAria('body', fieldErrors.body)} value={form.body} onInput={set('body')} /></FormField>
          <button type="submit" class="primary">Send</button>
        </form>
      )}
    </section>
  )
}
