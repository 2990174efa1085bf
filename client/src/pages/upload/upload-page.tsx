// /upload — one screen: the file uploads (as a private draft) while every detail is filled in; "Publish" saves
// them once the bytes are there; then the page follows the renditions as they are made.
import { useEffect, useRef, useState } from 'preact/hooks'
import { VideoPrivacy } from '../../../../shared/models/client-video.js'
import { ResumableUpload, type UploadProgress } from '../../api/upload.js'
import { getMyQuotaUsed } from '../../api/users.js'
import { updateVideo, updateVideoThumbnail } from '../../api/videos.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { UploadProgressBar } from '../../components/UploadProgressBar.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { formatBytes, formatQuota } from '../../lib/format.js'
import { configStore, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { draftToUpdate, newDraft, type VideoDraft } from './draft.js'
import { FilePicker } from './file-picker.js'
import { PublishStatus } from './publish-status.js'
import { ThumbnailPicker, type ThumbnailChoice } from './thumbnail-picker.js'
import { validateDraft } from './validate-draft.js'
import { VIDEO_FORM_FIELDS, VideoDetailsForm } from './video-details-form.js'

type Publishing = 'idle' | 'waiting-upload' | 'saving' | 'done'

export function nameFromFile (file: File): string {
  const base = file.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim()
  return (base.length >= 3 ? base : `${base} video`.trim()).slice(0, 120)
}

export default function UploadPage () {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  const channels = user?.videoChannels ?? []
  const [draft, setDraft] = useState<VideoDraft>(() => newDraft(config, channels[0]?.id ?? 0, ''))
  const [file, setFile] = useState<File | null>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [uuid, setUuid] = useState<string | null>(null)
  const [thumbnail, setThumbnail] = useState<ThumbnailChoice | null>(null)
  const [publishing, setPublishing] = useState<Publishing>('idle')
  const [publishError, setPublishError] = useState<unknown>(null)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const uploadRef = useRef<ResumableUpload | null>(null)
  const nameTouched = useRef(false)
  const quota = useAsync(() => getMyQuotaUsed(), [uuid])

  const uploading = progress !== null && !['failed', 'cancelled', 'done'].includes(progress.state)
  useEffect(() => () => { void uploadRef.current?.cancel() }, [])
  useEffect(() => { if (!draft.channelId && channels[0]) setDraft(d => ({ ...d, channelId: channels[0].id })) }, [channels.length])
  // Leaving the page would lose the upload: ask first.
  useEffect(() => {
    if (!uploading && publishing !== 'waiting-upload') return
    const warn = (event: BeforeUnloadEvent) => { event.preventDefault() }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [uploading, publishing])

  const save = async (videoUuid: string, current: VideoDraft, picture: ThumbnailChoice | null) => {
    setPublishing('saving')
    setPublishError(null)
    try {
      // The picture first: the video may become public with the second request, and should do so complete.
      if (picture) await updateVideoThumbnail(videoUuid, picture.blob, picture.filename)
      await updateVideo(videoUuid, draftToUpdate(current, { hadSchedule: false }))
      setPublishing('done')
    } catch (err) {
      setPublishError(err)
      setPublishing('idle')
    }
  }

  // "Publish" pressed before the upload ended: go as soon as it has.
  useEffect(() => {
    if (uuid && publishing === 'waiting-upload') void save(uuid, draft, thumbnail)
  }, [uuid])

  const startUpload = async (chosen: File) => {
    if (uploading) return
    setFile(chosen)
    setUploadError(null)
    setUuid(null)
    if (!nameTouched.current) setDraft(d => ({ ...d, name: nameFromFile(chosen) }))
    const upload = new ResumableUpload(chosen, {
      name: nameFromFile(chosen),
      channelId: draft.channelId,
      // A draft until "Publish": nobody sees a video whose details are not filled in yet.
      privacy: VideoPrivacy.PRIVATE,
      filename: chosen.name
    }, {
      chunkSize: config?.client?.videos?.resumableUpload?.maxChunkSize || undefined,
      onProgress: setProgress
    })
    uploadRef.current = upload
    try {
      const result = await upload.start()
      setUuid(result.video.uuid)
    } catch (err) {
      if (upload.isCancelled) return
      setUploadError(err)
      setPublishing(p => (p === 'waiting-upload' ? 'idle' : p))
    }
  }

  const cancelUpload = async () => {
    await uploadRef.current?.cancel()
    setProgress(null)
    setFile(null)
    setPublishing('idle')
  }

  const onDraft = (next: VideoDraft) => {
    if (next.name !== draft.name) nameTouched.current = true
    setDraft(next)
    setClientErrors({})
  }

  const publish = (event: Event) => {
    event.preventDefault()
    const errors = validateDraft(draft)
    setClientErrors(errors)
    if (Object.keys(errors).length !== 0) return
    if (!uuid) {
      setPublishing('waiting-upload')
      return
    }
    void save(uuid, draft, thumbnail)
  }

  if (!user) return null
  if (channels.length === 0) return <p class="notice">{t('upload.needChannel')} <a href="/my-library/video-channels">{t('upload.createChannel')}</a></p>

  const usedQuota = quota.data?.videoQuotaUsed ?? 0
  const uploadProblem = humanizeProblem(uploadError, { fields: [ 'videofile' ] })
  const publishProblem = humanizeProblem(publishError, { fields: VIDEO_FORM_FIELDS })
  const fieldErrors = { ...publishProblem.fields, ...clientErrors }
  const quotaLine = <p class="muted small" data-testid="quota">{t('upload.quota', { used: formatBytes(usedQuota), total: formatQuota(user.videoQuota ?? -1) })}</p>

  if (publishing === 'done' && uuid) {
    return (
      <section class="upload" data-testid="upload-page">
        <h1>{draft.name}</h1>
        <PublishStatus uuid={uuid} />
      </section>
    )
  }

  if (!file) {
    return (
      <section class="narrow upload" data-testid="upload-page">
        <h1>{t('upload.title')}</h1>
        {quotaLine}
        <p>{t('upload.explain')}</p>
        <FilePicker accept={config?.video?.file?.extensions} onFile={file => void startUpload(file)} />
        {(config?.import?.videos?.http?.enabled || config?.import?.videos?.torrent?.enabled) && <p><a href="/videos/import" data-testid="upload-to-import">{t('upload.orImport')}</a></p>}
        {uploadProblem.message && <FormMessage message={uploadProblem.message} testId="upload-form-error" />}
      </section>
    )
  }

  const fileFailed = progress?.state === 'failed' || !!uploadError
  return (
    <section class="upload" data-testid="upload-page">
      <h1>{t('upload.title')}</h1>
      <div class="upload-file" data-testid="upload-file">
        <p><strong>{file.name}</strong> <span class="muted small">· {formatBytes(file.size)}</span></p>
        {progress && <UploadProgressBar progress={progress} />}
        {uploading && (
          <p class="actions">
            {progress?.state === 'paused'
              ? <button type="button" onClick={() => uploadRef.current?.resume()} data-testid="upload-resume">{t('upload.resume')}</button>
              : <button type="button" onClick={() => uploadRef.current?.pause()} data-testid="upload-pause">{t('upload.pause')}</button>}
            <button type="button" class="danger" onClick={() => void cancelUpload()} data-testid="upload-cancel">{t('upload.cancel')}</button>
          </p>
        )}
        {fileFailed && (
          <div class="error-box" role="alert" data-testid="upload-error">
            <p>{uploadProblem.fields.videofile ?? uploadProblem.message ?? t('problem.unexpected')}</p>
            <FilePicker compact accept={config?.video?.file?.extensions} onFile={next => void startUpload(next)} />
          </div>
        )}
        {uuid && <p class="muted small" data-testid="upload-draft-note">{t('upload.draftNote')}</p>}
      </div>
      <form onSubmit={publish} data-testid="upload-form" noValidate>
        <FormMessage message={publishProblem.message} testId="upload-form-error" />
        <VideoDetailsForm draft={draft} onChange={onDraft} errors={fieldErrors} channels={channels} disabled={publishing === 'saving'} />
        <ThumbnailPicker source={file} value={thumbnail} onChange={setThumbnail} error={fieldErrors.thumbnailfile} />
        <p class="actions sticky-actions">
          <button type="submit" class="primary" data-testid="upload-publish" disabled={publishing !== 'idle' || fileFailed}>
            {publishing === 'saving' ? t('upload.publishing') : t(draft.privacy === VideoPrivacy.PRIVATE ? 'upload.save' : draft.privacy === 'scheduled' ? 'upload.schedule' : 'upload.publish')}
          </button>
          {publishing === 'waiting-upload' && <span class="muted" role="status" data-testid="upload-waiting">{t('upload.waitingForUpload')}</span>}
        </p>
      </form>
      {quotaLine}
    </section>
  )
}
