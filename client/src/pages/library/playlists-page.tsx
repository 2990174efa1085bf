// /my-library/video-playlists: my playlists (Watch later first) and a form to create one.
import { useState } from 'preact/hooks'
import { createPlaylist, listAccountPlaylists } from '../../api/playlists.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../../components/FormField.js'
import { PlaylistGrid } from '../../components/PlaylistCard.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'
import { LibraryNav } from './library-nav.js'

const FIELDS = [ 'displayName', 'description', 'privacy', 'videoChannelId', 'thumbnailfile' ]

export default function PlaylistsPage () {
  const { user } = useStore(sessionStore)
  const playlists = useAsync(() => listAccountPlaylists(user!.account.name), [user?.id])
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [privacy, setPrivacy] = useState(3)
  const [channelId, setChannelId] = useState<number | null>(user?.videoChannels?.[0]?.id ?? null)
  const [thumbnail, setThumbnail] = useState<File | null>(null)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      const { videoPlaylist } = await createPlaylist({
        displayName: name.trim(),
        description: description.trim() || undefined,
        privacy,
        videoChannelId: channelId ?? undefined
      }, thumbnail)
      navigate(`/my-library/video-playlists/${videoPlaylist.uuid}`)
    } catch (err) {
      setError(err)
    }
  }

  const sorted = [ ...(playlists.data?.data ?? []) ].sort((a, b) => b.type.id - a.type.id)
  const fieldErrors = fieldErrorsOf(error)
  return (
    <section data-testid="playlists-page">
      <h1>Playlists</h1>
      <LibraryNav />
      <ErrorAlert error={playlists.error} />
      {playlists.data && <PlaylistGrid playlists={sorted} manage />}

      <h2>New playlist</h2>
      <form onSubmit={submit} data-testid="playlist-create-form" noValidate>
        {formErrorOf(error, FIELDS) && <ErrorAlert error={new Error(formErrorOf(error, FIELDS)!)} testId="playlist-create-error" />}
        <FormField id="displayName" label="Name" error={fieldErrors.displayName}>
          <input {...fieldAria('displayName', fieldErrors.displayName)} value={name} maxLength={120} data-testid="playlist-name"
            onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label="Description" error={fieldErrors.description}>
          <textarea {...fieldAria('description', fieldErrors.description)} value={description} maxLength={1000}
            onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <FormField id="privacy" label="Privacy" error={fieldErrors.privacy}>
          <select {...fieldAria('privacy', fieldErrors.privacy)} value={String(privacy)} data-testid="playlist-privacy"
            onChange={e => setPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
            <option value="1">Public</option>
            <option value="2">Unlisted</option>
            <option value="3">Private</option>
          </select>
        </FormField>
        <FormField id="videoChannelId" label="Shown on channel" error={fieldErrors.videoChannelId}>
          <select {...fieldAria('videoChannelId', fieldErrors.videoChannelId)} value={channelId === null ? '' : String(channelId)} data-testid="playlist-channel"
            onChange={e => { const v = (e.currentTarget as HTMLSelectElement).value; setChannelId(v ? Number(v) : null) }}>
            <option value="">None (private playlists only)</option>
            {user?.videoChannels?.map(c => <option key={c.id} value={String(c.id)}>{c.displayName}</option>)}
          </select>
        </FormField>
        <FormField id="thumbnailfile" label="Miniature (optional)" error={fieldErrors.thumbnailfile}>
          <input {...fieldAria('thumbnailfile', fieldErrors.thumbnailfile)} type="file" accept="image/jpeg,image/png,image/webp"
            onChange={e => setThumbnail((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </FormField>
        <button type="submit" class="primary" disabled={!name.trim()} data-testid="playlist-create-submit">Create</button>
      </form>
    </section>
  )
}
