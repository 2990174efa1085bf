// Watch page: report the video; moderators block it (with a reason, and deleted from followers if wanted) or
// unblock it. That it is blocked is said by the page's notice (watch-page.tsx).
import { useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { blockVideo, unblockVideo } from '../api/moderation.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Icon } from '../components/Icon.js'
import { ReportDialog } from '../components/moderation/ReportDialog.js'
import { t } from '../i18n/i18n.js'
import { isModeratorOrAdmin, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

/** "Report", shown to every signed-in viewer but the owner (anonymous viewers are asked to log in). */
export function ReportVideoButton ({ details }: { details: VideoDetails }) {
  const { user } = useStore(sessionStore)
  const [reporting, setReporting] = useState(false)
  if (user && details.account.userId === user.id) return null
  if (!user) return <a class="button" href={`/login?redirect=${encodeURIComponent(location.pathname)}`} data-testid="report-video-login"><Icon name="flag" size={16} /> {t('report.button')}</a>
  return (
    <>
      <button type="button" onClick={() => setReporting(true)} data-testid="report-video"><Icon name="flag" size={16} /> {t('report.button')}</button>
      {reporting && <ReportDialog target={{ kind: 'video', id: details.uuid, name: details.name, duration: details.duration }} onClose={() => setReporting(false)} />}
    </>
  )
}

export function WatchModeration ({ details, onChange }: { details: VideoDetails; onChange: () => void }) {
  const { user } = useStore(sessionStore)
  const [reason, setReason] = useState('')
  const [unfederate, setUnfederate] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (!isModeratorOrAdmin(user)) return null

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      onChange()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div data-testid="watch-moderation">
      {details.blacklisted && (
        <p class="actions"><button type="button" onClick={() => void run(() => unblockVideo(details.uuid))} data-testid="unblock-video">{t('moderation.unblockVideo')}</button></p>
      )}
      {!details.blacklisted && (
        <details data-testid="block-video">
          <summary>{t('moderation.blockVideo')}</summary>
          <form class="narrow" onSubmit={e => { e.preventDefault(); void run(() => blockVideo(details.uuid, { reason: reason || undefined, unfederate: details.isLocal && unfederate })) }}>
            <label for="block-reason">{t('moderation.blockReason')}</label>
            <textarea id="block-reason" rows={2} maxLength={300} value={reason} data-testid="block-video-reason"
              onInput={e => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
            {details.isLocal && (
              <label class="inline">
                <input type="checkbox" checked={unfederate} onChange={() => setUnfederate(!unfederate)} data-testid="block-video-unfederate" />
                {' '}{t('moderation.blockUnfederate')}
              </label>
            )}
            <button type="submit" class="danger" data-testid="block-video-submit">{t('moderation.block')}</button>
          </form>
        </details>
      )}
      <ErrorAlert error={error} testId="watch-moderation-error" />
    </div>
  )
}
