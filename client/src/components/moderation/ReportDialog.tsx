// The report form, in a modal dialog: predefined reasons, a required reason and, for a video, an optional time
// range. Used for videos (watch page), accounts (account and channel pages) and comments (comments module).
import { useState } from 'preact/hooks'
import { ABUSE_PREDEFINED_REASON_NAMES, type AbuseCreate, type AbusePredefinedReason } from '../../../../shared/models/client-moderation.js'
import { reportAbuse } from '../../api/moderation.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t, type MessageKey } from '../../i18n/i18n.js'
import { Dialog } from '../Dialog.js'
import { FormMessage } from '../ErrorAlert.js'
import { FormField, fieldAria } from '../FormField.js'

export type ReportTarget =
  | { kind: 'video'; id: string | number; name: string; duration?: number }
  | { kind: 'comment'; id: number; excerpt: string }
  | { kind: 'account'; id: number; name: string }

export const REASON_LABELS: Record<AbusePredefinedReason, MessageKey> = {
  violentOrRepulsive: 'report.reason.violentOrRepulsive',
  hatefulOrAbusive: 'report.reason.hatefulOrAbusive',
  spamOrMisleading: 'report.reason.spamOrMisleading',
  privacy: 'report.reason.privacy',
  rights: 'report.reason.rights',
  serverRules: 'report.reason.serverRules',
  thumbnails: 'report.reason.thumbnails',
  captions: 'report.reason.captions'
}

/** A predefined reason in words (an unknown name from another server stays as it is). */
export function reasonLabel (name: string): string {
  const key = REASON_LABELS[name as AbusePredefinedReason]
  return key ? t(key) : name
}

// Server field -> form field id, so messages from `invalid-params` land under the right input.
const RENAME: Record<string, string> = { reason: 'report-reason', 'video.startAt': 'report-start', 'video.endAt': 'report-end' }
const FIELDS = Object.values(RENAME)

/** "75", "1:15" or "1:02:05" -> seconds; empty -> undefined; anything else -> NaN (the server names it). */
export function parseTimestamp (text: string): number | undefined {
  const value = text.trim()
  if (!value) return undefined
  if (!/^\d+(:\d{1,2}){0,2}$/.test(value)) return Number.NaN
  return value.split(':').reduce((total, part) => total * 60 + Number(part), 0)
}

function title (target: ReportTarget): string {
  if (target.kind === 'video') return t('report.titleVideo', { name: target.name })
  if (target.kind === 'account') return t('report.titleAccount', { name: target.name })
  return t('report.titleComment')
}

function buildReport (target: ReportTarget, reason: string, reasons: AbusePredefinedReason[], start: string, end: string): AbuseCreate {
  const report: AbuseCreate = { reason, predefinedReasons: reasons.length ? reasons : undefined }
  if (target.kind === 'video') report.video = { id: target.id, startAt: parseTimestamp(start), endAt: parseTimestamp(end) }
  else if (target.kind === 'comment') report.comment = { id: target.id }
  else report.account = { id: target.id }
  return report
}

export function ReportDialog ({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const [reasons, setReasons] = useState<AbusePredefinedReason[]>([])
  const [reason, setReason] = useState('')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState(false)

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

  const problem = humanizeProblem(error, { fields: FIELDS, rename: RENAME, sentences: { reason: () => t('problem.field.reportReason') } })
  const errors = problem.fields
  return (
    <Dialog open onClose={onClose} title={title(target)} testId="report-dialog">
      {sent
        ? (
          <>
            <p class="success" role="status" data-testid="report-done">{t('report.done')} <a href="/my-account/abuses">{t('menu.myReports')}</a></p>
            <button type="button" class="primary" onClick={onClose}>{t('common.close')}</button>
          </>
        )
        : (
          <form onSubmit={submit} noValidate data-testid="report-form">
            {target.kind === 'comment' && <blockquote class="muted small" data-testid="report-comment-excerpt">{target.excerpt}</blockquote>}
            <fieldset>
              <legend>{t('report.whatIsWrong')}</legend>
              {ABUSE_PREDEFINED_REASON_NAMES.filter(name => target.kind === 'video' || !['thumbnails', 'captions'].includes(name)).map(name => (
                <label class="inline" key={name}>
                  <input type="checkbox" checked={reasons.includes(name)} onChange={() => toggle(name)} data-testid={`report-predefined-${name}`} /> {t(REASON_LABELS[name])}
                </label>
              ))}
            </fieldset>
            <FormField id="report-reason" label={t('report.reason')} error={errors['report-reason']}>
              <textarea {...fieldAria('report-reason', errors['report-reason'])} rows={4} maxLength={3000} required data-testid="report-reason"
                value={reason} onInput={e => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
            </FormField>
            {target.kind === 'video' && (
              <div class="actions">
                <FormField id="report-start" label={t('report.from')} error={errors['report-start']}>
                  <input {...fieldAria('report-start', errors['report-start'])} inputMode="numeric" placeholder="0:00" data-testid="report-start"
                    value={start} onInput={e => setStart((e.currentTarget as HTMLInputElement).value)} />
                </FormField>
                <FormField id="report-end" label={t('report.to')} error={errors['report-end']}>
                  <input {...fieldAria('report-end', errors['report-end'])} inputMode="numeric" placeholder="1:30" data-testid="report-end"
                    value={end} onInput={e => setEnd((e.currentTarget as HTMLInputElement).value)} />
                </FormField>
              </div>
            )}
            <FormMessage message={problem.message} testId="report-error" />
            <div class="actions">
              <button type="submit" class="primary" disabled={busy} data-testid="report-submit">{busy ? t('report.sending') : t('report.send')}</button>
              <button type="button" onClick={onClose} data-testid="report-cancel">{t('report.cancel')}</button>
            </div>
          </form>
        )}
    </Dialog>
  )
}
