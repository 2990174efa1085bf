// Upload progress: a real <progressbar> (aria-valuenow in percent) with bytes, speed and time left.
import type { UploadProgress } from '../api/upload.js'
import { formatBytes, formatDuration, formatSpeed } from '../lib/format.js'

const STATE_LABELS: Record<UploadProgress['state'], string> = {
  starting: 'Starting…',
  uploading: 'Uploading',
  paused: 'Paused',
  retrying: 'Connection lost, retrying…',
  done: 'Upload complete',
  failed: 'Upload failed',
  cancelled: 'Cancelled'
}

export function UploadProgressBar ({ progress }: { progress: UploadProgress }) {
  const percent = progress.totalBytes > 0 ? Math.floor((progress.sentBytes / progress.totalBytes) * 100) : 0
  return (
    <div class="upload-progress" data-testid="upload-progress-box" data-state={progress.state}>
      <div
        class="progress"
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="upload-progress"
        data-sent-bytes={progress.sentBytes}
      >
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="small" aria-live="polite">
        <strong data-testid="upload-state">{STATE_LABELS[progress.state]}</strong>
        {' · '}<span data-testid="upload-bytes">{formatBytes(progress.sentBytes)} / {formatBytes(progress.totalBytes)}</span>
        {' · '}{percent}%
        {progress.state === 'uploading' && progress.speed > 0 && <>{' · '}<span data-testid="upload-speed">{formatSpeed(progress.speed)}</span></>}
        {progress.secondsLeft !== null && <>{' · '}<span data-testid="upload-eta">{formatDuration(progress.secondsLeft)} left</span></>}
      </p>
      {progress.error && <p class="error" role="alert" data-testid="upload-error">{progress.error}</p>}
    </div>
  )
}
