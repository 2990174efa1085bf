// /my-library/video-playlists: my playlists (Watch later first) and a form to create one.
import { useState } from 'preact/hooks'
import { createPlaylist, listAccountPlaylists } from '../../api/playlists.js'
import { ErrorAlert, FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { PlaylistGrid } from '../../components/PlaylistCard.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { constantLabel } from '../../lib/constants.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'

const FIELDS = [ 'displayName', 'description', 'privacy', 'videoChannelId', 'thumbnailfile' ]
/** Playlists are public (1), unlisted (2) or private (3), as videos. */
const PRIVACIES = [ 1, 2, 3 ]

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
  const problem = humanizeProblem(error, { fields: FIELDS, sentences: { displayName: () => t('problem.field.playlistName'), videoChannelId: () => t('problem.field.playlistChannel') } })
  const errors = problem.fields
  return (
    <section data-testid="playlists-page">
      <h1>{t('playlists.title')}</h1>
      <ErrorAlert error={playlists.error} />
      {playlists.data && <PlaylistGrid playlists={sorted} manage />}

      <h2>{t('playlists.new')}</h2>
      <form onSubmit={submit} data-testid="playlist-create-form" noValidate class="narrow">
        <FormMessage message={problem.message} testId="playlist-create-error" />
        <FormField id="displayName" label={t('playlists.name')} error={errors.displayName}>
          <input {...fieldAria('displayName', errors.displayName)} value={name} maxLength={120} data-testid="playlist-name"
            onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label={t('playlists.description')} error={errors.description}>
          <textarea {...fieldAria('description', errors.description)} value={description} maxLength={1000}
            onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <FormField id="privacy" label={t('playlists.privacy')} error={errors.privacy}>
          <select {...fieldAria('privacy', errors.privacy)} value={String(privacy)} data-testid="playlist-privacy"
            onChange={e => setPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
            {PRIVACIES.map(id => <option key={id} value={String(id)}>{constantLabel('privacy', { id, label: '' })}</option>)}
          </select>
        </FormField>
        <FormField id="videoChannelId" label={t('playlists.channel')} error={errors.videoChannelId} hint={t('playlists.channelHint')}>
          <select {...fieldAria('videoChannelId', errors.videoChannelId)} value={channelId === null ? '' : String(channelId)} data-testid="playlist-channel"
            onChange={e => { const v = (e.currentTarget as HTMLSelectElement).value; setChannelId(v ? Number(v) : null) }}>
            <option value="">{t('playlists.noChannel')}</option>
            {user?.videoChannels?.map(c => <option key={c.id} value={String(c.id)}>{c.displayName}</option>)}
          </select>
        </FormField>
        <FormField id="thumbnailfile" label={t('playlists.thumbnail')} error={errors.thumbnailfile}>
          <input {...fieldAria('thumbnailfile', errors.thumbnailfile)} type="file" accept="image/jpeg,image/png,image/webp"
            onChange={e => setThumbnail((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </FormField>
        <button type="submit" class="primary" disabled={!name.trim()} data-testid="playlist-create-submit">{t('playlists.create')}</button>
      </form>
    </section>
  )
}
