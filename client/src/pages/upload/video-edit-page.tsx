// /videos/update/:id — the same form as the upload, for a video one may edit (owner, or a moderator with the
// right); anyone else gets the "not allowed" page, never the form.
import { useEffect, useState } from 'preact/hooks'
import type { VideoDetails } from '../../../../shared/models/client-video.js'
import { deleteVideo, getVideo, updateVideo, updateVideoThumbnail } from '../../api/videos.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { UnavailablePage } from '../../components/UnavailablePage.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { constantLabel } from '../../lib/constants.js'
import { isModeratorOrAdmin, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'
import { draftFromVideo, draftToUpdate, type VideoDraft } from './draft.js'
import { CaptionsEditor } from './captions-editor.js'
import { ChaptersEditor } from './chapters-editor.js'
import { PublishStatus } from './publish-status.js'
import { ThumbnailPicker, type ThumbnailChoice } from './thumbnail-picker.js'
import { validateDraft } from './validate-draft.js'
import { VIDEO_FORM_FIELDS, VideoDetailsForm } from './video-details-form.js'

/** Frames can be taken from a public file of the video (a private one needs a token the <video> cannot send). */
function frameSource (video: VideoDetails): string | null {
  const file = [ ...(video.files ?? []) ].sort((a, b) => a.resolution.id - b.resolution.id)[0]
  return file && !file.fileUrl.includes('/private/') ? new URL(file.fileUrl).pathname : null
}

export default function VideoEditPage ({ id }: { id: string }) {
  const { user } = useStore(sessionStore)
  const video = useAsync(() => getVideo(id), [id])
  const [draft, setDraft] = useState<VideoDraft | null>(null)
  const [thumbnail, setThumbnail] = useState<ThumbnailChoice | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)

  useEffect(() => { if (video.data) setDraft(draftFromVideo(video.data)) }, [video.data])

  if (video.error) return <UnavailablePage what="video" error={video.error} />
  if (!video.data || !draft || !user) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const details = video.data
  const mayEdit = details.isLocal !== false && (details.account.userId === user.id || isModeratorOrAdmin(user))
  if (!mayEdit) return <UnavailablePage kind="forbidden" what="video" />

  const submit = async (event: Event) => {
    event.preventDefault()
    const errors = validateDraft(draft)
    setClientErrors(errors)
    if (Object.keys(errors).length !== 0) return
    setSaving(true)
    setError(null)
    setSaved(false)
    try {
      if (thumbnail) await updateVideoThumbnail(details.uuid, thumbnail.blob, thumbnail.filename)
      await updateVideo(details.uuid, draftToUpdate(draft, { hadSchedule: !!details.scheduledUpdate }))
      setSaved(true)
      setThumbnail(null)
      video.reload()
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  const onDelete = async () => {
    if (!confirm(t('video.deleteConfirm', { name: details.name }))) return
    try {
      await deleteVideo(details.uuid)
      navigate('/my-library/videos')
    } catch (err) {
      setError(err)
    }
  }

  const problem = humanizeProblem(error, { fields: VIDEO_FORM_FIELDS })
  const errors = { ...problem.fields, ...clientErrors }
  const channels = details.account.userId === user.id ? user.videoChannels ?? [] : []
  return (
    <section data-testid="video-edit-page">
      <h1>{t('edit.title', { name: details.name })}</h1>
      <p><a href={`/videos/watch/${details.uuid}`}>{t('publish.watch')}</a> · {t('edit.state')} <span data-testid="video-state">{constantLabel('state', details.state)}</span></p>
      <form onSubmit={submit} data-testid="video-edit-form" noValidate>
        <FormMessage message={problem.message} testId="video-edit-error" />
        <VideoDetailsForm draft={draft} onChange={next => { setDraft(next); setSaved(false); setClientErrors({}) }} errors={errors} channels={channels} disabled={saving} />
        <ThumbnailPicker source={frameSource(details)} currentUrl={details.thumbnailPath} value={thumbnail} onChange={setThumbnail} error={errors.thumbnailfile} />
        <p class="actions">
          <button type="submit" class="primary" disabled={saving} data-testid="edit-submit">{saving ? t('common.saving') : t('common.save')}</button>
          <button type="button" class="danger" onClick={onDelete} data-testid="delete-video">{t('edit.delete')}</button>
          {saved && <span class="success" role="status" data-testid="edit-saved">{t('common.saved')}</span>}
        </p>
      </form>
      <CaptionsEditor videoId={details.uuid} />
      <ChaptersEditor videoId={details.uuid} />
      <h2>{t('edit.renditions')}</h2>
      <PublishStatus uuid={details.uuid} />
    </section>
  )
}
