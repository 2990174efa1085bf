// Upload progress: a real <progressbar> (aria-valuenow in percent) with bytes, speed and time left.
import type { UploadProgress } from '../api/upload.js'
import { t, type MessageKey } from '../i18n/i18n.js'
import { formatBytes, formatDuration, formatSpeed } from '../lib/format.js'

const STATE_LABELS: Record<UploadProgress['state'], MessageKey> = {
  starting: 'upload.state.starting',
  uploading: 'upload.state.uploading',
  paused: 'upload.state.paused',
  retrying: 'upload.state.retrying',
  done: 'upload.state.done',
  failed: 'upload.state.failed',
  cancelled: 'upload.state.cancelled'
}

export function UploadProgressBar ({ progress }: { progress: UploadProgress }) {
  const percent = progress.totalBytes > 0 ? Math.floor((progress.sentBytes / progress.totalBytes) * 100) : 0
  return (
    <div class="upload-progress" data-testid="upload-progress-box" data-state={progress.state}>
      <div
        class="progress"
        role="progressbar"
        aria-label={t('upload.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="upload-progress"
        data-sent-bytes={progress.sentBytes}
      >
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="small" aria-live="polite">
        <strong data-testid="upload-state">{t(STATE_LABELS[progress.state])}</strong>
        {' · '}<span data-testid="upload-bytes">{formatBytes(progress.sentBytes)} / {formatBytes(progress.totalBytes)}</span>
        {' · '}{percent}%
        {progress.state === 'uploading' && progress.speed > 0 && <>{' · '}<span data-testid="upload-speed">{formatSpeed(progress.speed)}</span></>}
        {progress.secondsLeft !== null && <>{' · '}<span data-testid="upload-eta">{t('upload.timeLeft', { time: formatDuration(progress.secondsLeft) })}</span></>}
      </p>
    </div>
  )
}
