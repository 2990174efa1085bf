// The report form, in a modal <dialog>: predefined reasons, a required reason and, for a video, an optional time
// range. Used for videos (watch page), accounts (account and channel pages) and comments (comments module).
import { useEffect, useRef, useState } from 'preact/hooks'
import { ABUSE_PREDEFINED_REASON_NAMES, type AbuseCreate, type AbusePredefinedReason } from '../../../../shared/models/client-moderation.js'
import { reportAbuse } from '../../api/moderation.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../FormField.js'
import { ErrorAlert } from '../ErrorAlert.js'

export type ReportTarget =
  | { kind: 'video'; id: string | number; name: string; duration?: number }
  | { kind: 'comment'; id: number; excerpt: string }
  | { kind: 'account'; id: number; name: string }

export const REASON_LABELS: Record<AbusePredefinedReason, string> = {
  violentOrRepulsive: 'Violent or repulsive',
  hatefulOrAbusive: 'Hateful or abusive',
  spamOrMisleading: 'Spam or misleading',
  privacy: 'Privacy',
  rights: 'Copyright',
  serverRules: 'Breaks the instance rules',
  thumbnails: 'Thumbnails',
  captions: 'Captions'
}

// Server field -> form field id, so messages from `invalid-params` land under the right input.
const FIELD_IDS: Record<string, string> = { reason: 'report-reason', 'video.startAt': 'report-start', 'video.endAt': 'report-end' }

/** "75", "1:15" or "1:02:05" -> seconds; empty -> undefined; anything else -> NaN (the server names it). */
export function parseTimestamp (text: string): number | undefined {
  const value = text.trim()
  if (!value) return undefined
  if (!/^\d+(:\d{1,2}){0,2}$/.test(value)) return Number.NaN
  return value.split(':').reduce((total, part) => total * 60 + Number(part), 0)
}

function describe (target: ReportTarget) {
  if (target.kind === 'video') return `the video “${target.name}”`
  if (target.kind === 'account') return `the account ${target.name}`
  return 'this comment'
}

function buildReport (target: ReportTarget, reason: string, reasons: AbusePredefinedReason[], start: string, end: string): AbuseCreate {
  const report: AbuseCreate = { reason, predefinedReasons: reasons.length ? reasons : undefined }
  if (target.kind === 'video') report.video = { id: target.id, startAt: parseTimestamp(start), endAt: parseTimestamp(end) }
  else if (target.kind === 'comment') report.comment = { id: target.id }
  else report.account = { id: target.id }
  return report
}

export function ReportDialog ({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [reasons, setReasons] = useState<AbusePredefinedReason[]>([])
  const [reason, setReason] = useState('')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState(false)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const toggle = (name: AbusePredefinedReason) =>
    setReasons(list => (list.includes(name) ? list.filter(r => r !== name) : [...list, name]))

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await reportAbuse(buildReport(target, reason, reasons, start, end))
      setSent(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const errors = fieldErrorsOf(error, FIELD_IDS)
  const formError = formErrorOf(error, Object.keys(FIELD_IDS))
  return (
    <dialog ref={dialog} class="modal" data-testid="report-dialog" aria-labelledby="report-title" onClose={onClose}>
      <h2 id="report-title">Report {describe(target)}</h2>
      {sent
        ? (
          <>
            <p class="success" role="status" data-testid="report-done">Thank you: the moderators will look at your report. You can follow it from My account › My reports.</p>
            <button type="button" class="primary" onClick={() => dialog.current?.close()}>Close</button>
          </>
        )
        : (
          <form onSubmit={submit} noValidate data-testid="report-form">
            <fieldset>
              <legend>What is wrong?</legend>
              {ABUSE_PREDEFINED_REASON_NAMES.filter(name => target.kind === 'video' || !['thumbnails', 'captions'].includes(name)).map(name => (
                <label class="inline" key={name}>
                  <input type="checkbox" checked={reasons.includes(name)} onChange={() => toggle(name)} data-testid={`report-predefined-${name}`} /> {REASON_LABELS[name]}
                </label>
              ))}
            </fieldset>
            <FormField id="report-reason" label="Tell the moderators more (required)" error={errors['report-reason']}>
              <textarea {...fieldAria('report-reason', errors['report-reason'])} rows={4} maxLength={3000} required data-testid="report-reason"
                value={reason} onInput={e => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
            </FormField>
            {target.kind === 'video' && (
              <div class="actions">
                <FormField id="report-start" label="From (optional, m:ss)" error={errors['report-start']}>
                  <input {...fieldAria('report-start', errors['report-start'])} inputMode="numeric" placeholder="0:00" data-testid="report-start"
                    value={start} onInput={e => setStart((e.currentTarget as HTMLInputElement).value)} />
                </FormField>
                <FormField id="report-end" label="To (optional)" error={errors['report-end']}>
                  <input {...fieldAria('report-end', errors['report-end'])} inputMode="numeric" placeholder="1:30" data-testid="report-end"
                    value={end} onInput={e => setEnd((e.currentTarget as HTMLInputElement).value)} />
                </FormField>
              </div>
            )}
            {formError && <ErrorAlert error={new Error(formError)} testId="report-error" />}
            <div class="actions">
              <button type="submit" class="primary" disabled={busy} data-testid="report-submit">{busy ? 'Sending…' : 'Send the report'}</button>
              <button type="button" onClick={() => dialog.current?.close()} data-testid="report-cancel">Cancel</button>
            </div>
          </form>
        )}
    </dialog>
  )
}
