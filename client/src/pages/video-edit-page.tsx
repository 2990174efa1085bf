// /videos/update/:id — edit title, description, privacy, category, tags, flags and thumbnail.
import { useEffect, useState } from 'preact/hooks'
import type { VideoDetails, VideoUpdate } from '../../../shared/models/client-video.js'
import { deleteVideo, getCategories, getVideo, updateVideo } from '../api/videos.js'
import { CaptionsEditor } from '../components/CaptionsEditor.js'
import { ChaptersEditor } from '../components/ChaptersEditor.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { useAsync } from '../lib/use-async.js'
import { navigate } from '../router.js'
import { PRIVACY_OPTIONS } from '../lib/privacy.js'

const FIELDS = ['name', 'description', 'privacy', 'category', 'tags', 'support', 'thumbnailfile']

interface Draft {
  name: string
  description: string
  privacy: number
  category: string
  tags: string
  nsfw: boolean
  downloadEnabled: boolean
  support: string
}

function draftOf (video: VideoDetails): Draft {
  return {
    name: video.name,
    description: video.description ?? '',
    privacy: video.privacy.id,
    category: video.category?.id === null || video.category?.id === undefined ? '' : String(video.category.id),
    tags: (video.tags ?? []).join(', '),
    nsfw: video.nsfw,
    downloadEnabled: video.downloadEnabled,
    support: video.support ?? ''
  }
}

export function parseTags (text: string): string[] {
  return [...new Set(text.split(',').map(t => t.trim()).filter(Boolean))]
}

export default function VideoEditPage ({ id }: { id: string }) {
  const video = useAsync(() => getVideo(id), [id])
  const categories = useAsync(() => getCategories().catch(() => ({} as Record<string, string>)), [])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [thumbnail, setThumbnail] = useState<File | null>(null)
  const [preview, setPreview] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => { if (video.data) setDraft(draftOf(video.data)) }, [video.data])

  if (video.error) return <ErrorAlert error={video.error} />
  if (!video.data || !draft) return <p class="muted" aria-busy="true">Loading…</p>
  const details = video.data

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => { setDraft({ ...draft, [key]: value }); setSaved(false) }
  const input = (key: 'name' | 'tags' | 'support') => (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value)

  const submit = async (event: Event) => {
    event.preventDefault()
    setSaving(true)
    setError(null)
    const update: VideoUpdate = {
      name: draft.name.trim(),
      description: draft.description,
      privacy: draft.privacy,
      category: draft.category ? Number(draft.category) : null,
      tags: parseTags(draft.tags),
      nsfw: draft.nsfw,
      downloadEnabled: draft.downloadEnabled,
      support: draft.support
    }
    try {
      await updateVideo(details.uuid, update, thumbnail)
      setSaved(true)
      video.reload()
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  const onDelete = async () => {
    if (!confirm(`Delete “${details.name}”? This cannot be undone.`)) return
    try {
      await deleteVideo(details.uuid)
      navigate('/my-library/videos')
    } catch (err) {
      setError(err)
    }
  }

  const errors = fieldErrorsOf(error)
  const formError = formErrorOf(error, FIELDS)
  return (
    <section class="narrow" data-testid="video-edit-page">
      <h1>Edit “{details.name}”</h1>
      <p><a href={`/videos/watch/${details.uuid}`}>Watch</a> · state: <span data-testid="video-state">{details.state?.label}</span></p>
      <form onSubmit={submit} data-testid="video-edit-form" noValidate>
        {formError && <ErrorAlert error={new Error(formError)} testId="video-edit-error" />}
        <FormField id="name" label="Title" error={errors.name}>
          <input {...fieldAria('name', errors.name)} data-testid="edit-name" required minLength={3} maxLength={120} value={draft.name} onInput={input('name')} />
        </FormField>
        <FormField id="description" label="Description (Markdown)" error={errors.description}>
          <textarea {...fieldAria('description', errors.description)} data-testid="edit-description" rows={6} value={draft.description}
            onInput={e => set('description', (e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <label class="inline"><input type="checkbox" checked={preview} onChange={() => setPreview(!preview)} /> Preview description</label>
        {preview && <Markdown source={draft.description} class="description preview" />}
        <FormField id="privacy" label="Privacy" error={errors.privacy}>
          <select {...fieldAria('privacy', errors.privacy)} data-testid="edit-privacy" value={String(draft.privacy)}
            onChange={e => set('privacy', Number((e.currentTarget as HTMLSelectElement).value))}>
            {PRIVACY_OPTIONS.map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
          </select>
        </FormField>
        <FormField id="category" label="Category" error={errors.category}>
          <select {...fieldAria('category', errors.category)} data-testid="edit-category" value={draft.category}
            onChange={e => set('category', (e.currentTarget as HTMLSelectElement).value)}>
            <option value="">None</option>
            {Object.entries(categories.data ?? {}).map(([cid, label]) => <option key={cid} value={cid}>{label}</option>)}
          </select>
        </FormField>
        <FormField id="tags" label="Tags (comma separated, up to 5)" error={errors.tags}>
          <input {...fieldAria('tags', errors.tags)} data-testid="edit-tags" value={draft.tags} onInput={input('tags')} />
        </FormField>
        <FormField id="support" label="Support text" error={errors.support}>
          <input {...fieldAria('support', errors.support)} data-testid="edit-support" value={draft.support} onInput={input('support')} />
        </FormField>
        <label class="inline"><input type="checkbox" data-testid="edit-nsfw" checked={draft.nsfw} onChange={() => set('nsfw', !draft.nsfw)} /> Sensitive content (NSFW)</label>
        <label class="inline"><input type="checkbox" data-testid="edit-download" checked={draft.downloadEnabled} onChange={() => set('downloadEnabled', !draft.downloadEnabled)} /> Allow downloads</label>
        <FormField id="thumbnailfile" label="Thumbnail (JPEG/PNG)" error={errors.thumbnailfile}>
          {details.thumbnailPath && <img class="thumbnail-preview" src={details.thumbnailPath} alt="Current thumbnail" />}
          <input {...fieldAria('thumbnailfile', errors.thumbnailfile)} data-testid="edit-thumbnail" type="file" accept="image/png,image/jpeg,image/webp"
            onChange={e => setThumbnail((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </FormField>
        <p class="actions">
          <button type="submit" class="primary" disabled={saving} data-testid="edit-submit">{saving ? 'Saving…' : 'Save'}</button>
          <button type="button" class="danger" onClick={onDelete} data-testid="delete-video">Delete video</button>
          {saved && <span class="success" role="status" data-testid="edit-saved">Saved.</span>}
        </p>
      </form>
      <CaptionsEditor videoId={details.uuid} />
      <ChaptersEditor videoId={details.uuid} />
    </section>
  )
}
