// Watch page: report the video; its owner sees why it is blocked; moderators block or unblock it.
import { useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { blockVideo, unblockVideo } from '../api/moderation.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { ReportDialog } from '../components/moderation/ReportDialog.js'
import { isModeratorOrAdmin, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

export function WatchModeration ({ details, onChange }: { details: VideoDetails; onChange: () => void }) {
  const { user } = useStore(sessionStore)
  const [reporting, setReporting] = useState(false)
  const [reason, setReason] = useState('')
  const [unfederate, setUnfederate] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (!user) return null

  const owner = details.account.userId === user.id
  const moderator = isModeratorOrAdmin(user)
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
      {details.blacklisted && (owner || moderator) && (
        <p class="notice" data-testid="video-blocked-notice">
          This video is blocked{details.blacklistedReason ? `: ${details.blacklistedReason}` : ''}. Only its owner and the moderators can see it.
        </p>
      )}
      <p class="actions">
        {!owner && <button type="button" onClick={() => setReporting(true)} data-testid="report-video">Report</button>}
        {moderator && details.blacklisted && (
          <button type="button" onClick={() => void run(() => unblockVideo(details.uuid))} data-testid="unblock-video">Unblock</button>
        )}
      </p>
      {moderator && !details.blacklisted && (
        <details data-testid="block-video">
          <summary>Block this video</summary>
          <form class="narrow" onSubmit={e => { e.preventDefault(); void run(() => blockVideo(details.uuid, { reason: reason || undefined, unfederate: details.isLocal && unfederate })) }}>
            <label for="block-reason">Reason (shown to the owner)</label>
            <textarea id="block-reason" rows={2} maxLength={300} value={reason} data-testid="block-video-reason"
              onInput={e => setReason((e.currentTarget as HTMLTextAreaElement).value)} />
            {details.isLocal && (
              <label class="inline">
                <input type="checkbox" checked={unfederate} onChange={() => setUnfederate(!unfederate)} data-testid="block-video-unfederate" />
                {' '}Also delete it from the instances that follow us
              </label>
            )}
            <button type="submit" class="danger" data-testid="block-video-submit">Block</button>
          </form>
        </details>
      )}
      <ErrorAlert error={error} testId="watch-moderation-error" />
      {reporting && <ReportDialog target={{ kind: 'video', id: details.uuid, name: details.name, duration: details.duration }} onClose={() => setReporting(false)} />}
    </div>
  )
}
