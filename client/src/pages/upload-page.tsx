// /upload — pick or drop a file, resumable upload with pause/resume, then wait for transcoding.
import { useEffect, useRef, useState } from 'preact/hooks'
import { VideoPrivacy } from '../../../shared/models/client-video.js'
import { ResumableUpload, type UploadProgress } from '../api/upload.js'
import { getMyQuotaUsed } from '../api/users.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { UploadProgressBar } from '../components/UploadProgressBar.js'
import { formatBytes, formatQuota } from '../lib/format.js'
import { PRIVACY_OPTIONS } from '../lib/privacy.js'
import { configStore, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { UploadProcessing } from './upload-processing.js'

const FIELDS = ['name', 'channelId', 'privacy']

function nameFromFile (file: File): string {
  const base = file.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim()
  return (base.length >= 3 ? base : `${base} video`).slice(0, 120)
}

export default function UploadPage () {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  const channels = user?.videoChannels ?? []
  const [channelId, setChannelId] = useState<number>(channels[0]?.id ?? 0)
  const [privacy, setPrivacy] = useState<number>(config?.defaults?.publish?.privacy ?? VideoPrivacy.PUBLIC)
  const [name, setName] = useState('')
  const [dragging, setDragging] = useState(false)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [createdUuid, setCreatedUuid] = useState<string | null>(null)
  const uploadRef = useRef<ResumableUpload | null>(null)
  const quota = useAsync(() => getMyQuotaUsed(), [createdUuid])

  useEffect(() => () => { void uploadRef.current?.cancel() }, [])
  useEffect(() => { if (!channelId && channels[0]) setChannelId(channels[0].id) }, [channels.length])

  const accept = (config?.video?.file?.extensions ?? ['.mp4', '.webm', '.ogv', '.mkv', '.mov']).join(',')
  const busy = progress !== null && !['failed', 'cancelled', 'done'].includes(progress.state)

  const start = async (file: File) => {
    if (busy) return
    setError(null)
    setCreatedUuid(null)
    const upload = new ResumableUpload(file, {
      name: name.trim() || nameFromFile(file),
      channelId,
      privacy,
      filename: file.name
    }, {
      chunkSize: config?.client?.videos?.resumableUpload?.maxChunkSize || undefined,
      onProgress: setProgress
    })
    uploadRef.current = upload
    try {
      const result = await upload.start()
      setCreatedUuid(result.video.uuid)
    } catch (err) {
      setError(err)
    }
  }

  const onFiles = (files: FileList | null | undefined) => {
    const file = files?.[0]
    if (file) void start(file)
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    onFiles(event.dataTransfer?.files)
  }

  const usedQuota = quota.data?.videoQuotaUsed ?? 0
  const limit = user?.videoQuota ?? -1
  const fieldErrors = fieldErrorsOf(error)
  const formError = formErrorOf(error, FIELDS)
  if (!user) return null
  if (channels.length === 0) return <p class="notice">You need a channel before uploading. <a href="/my-library/video-channels">Create one</a>.</p>

  return (
    <section class="narrow" data-testid="upload-page">
      <h1>Upload a video</h1>
      <p class="muted small" data-testid="quota">Storage used: {formatBytes(usedQuota)} of {formatQuota(limit)}</p>
      <form onSubmit={e => e.preventDefault()} data-testid="upload-form">
        <FormField id="name" label="Title (optional, the file name otherwise)" error={fieldErrors.name}>
          <input {...fieldAria('name', fieldErrors.name)} data-testid="upload-name" maxLength={120} value={name} disabled={busy}
            onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="channelId" label="Channel" error={fieldErrors.channelId}>
          <select {...fieldAria('channelId', fieldErrors.channelId)} data-testid="upload-channel" value={String(channelId)} disabled={busy}
            onChange={e => setChannelId(Number((e.currentTarget as HTMLSelectElement).value))}>
            {channels.map(c => <option key={c.id} value={String(c.id)}>{c.displayName}</option>)}
          </select>
        </FormField>
        <FormField id="privacy" label="Privacy" error={fieldErrors.privacy}>
          <select {...fieldAria('privacy', fieldErrors.privacy)} data-testid="upload-privacy" value={String(privacy)} disabled={busy}
            onChange={e => setPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
            {PRIVACY_OPTIONS.map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
          </select>
        </FormField>
        <label
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          data-testid="upload-drop-zone"
          onDragOver={e => { e.preventDefault(); setDragging(true) }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          aria-disabled={busy}
        >
          <span>Drop a video file here, or <u>choose a file</u></span>
          <small class="muted">{accept.split(',').join(', ')}</small>
          <input type="file" accept={accept} data-testid="upload-file-input" class="visually-hidden" disabled={busy}
            onChange={e => onFiles((e.currentTarget as HTMLInputElement).files)} />
        </label>
      </form>
      {formError && <ErrorAlert error={new Error(formError)} testId="upload-form-error" />}
      {progress && <UploadProgressBar progress={progress} />}
      {busy && (
        <p class="actions">
          {progress?.state === 'paused'
            ? <button type="button" onClick={() => uploadRef.current?.resume()} data-testid="upload-resume">Resume</button>
            : <button type="button" onClick={() => uploadRef.current?.pause()} data-testid="upload-pause">Pause</button>}
          <button type="button" class="danger" onClick={() => void uploadRef.current?.cancel()} data-testid="upload-cancel">Cancel</button>
        </p>
      )}
      {createdUuid && <UploadProcessing uuid={createdUuid} />}
    </section>
  )
}
