// /my-library/video-channels — the user's channels: create, open the edit page, delete.
import { useState } from 'preact/hooks'
import { createChannel, deleteChannel, listAccountChannels } from '../../api/channels.js'
import { Avatar } from '../../components/Avatar.js'
import { ErrorAlert, FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { channelPath } from '../../components/VideoCard.js'
import { CHANNEL_FIELD_SENTENCES } from '../../errors/field-sentences.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t, tn } from '../../i18n/i18n.js'
import { refreshUser, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'

const FIELDS = ['name', 'displayName', 'description']

export default function MyChannelsPage () {
  const { user } = useStore(sessionStore)
  const accountName = user?.account.name ?? ''
  const channels = useAsync(() => listAccountChannels(accountName), [accountName])
  const [name, setName] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [deleteError, setDeleteError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const create = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await createChannel({ name: name.trim(), displayName: displayName.trim(), description: description || undefined })
      setName('')
      setDisplayName('')
      setDescription('')
      channels.reload()
      void refreshUser()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const remove = async (handle: string, shownName: string) => {
    if (!confirm(t('channels.deleteConfirm', { name: shownName }))) return
    setDeleteError(null)
    try {
      await deleteChannel(handle)
      channels.reload()
      void refreshUser()
    } catch (err) {
      setDeleteError(err)
    }
  }

  const problem = humanizeProblem(error, { fields: FIELDS, sentences: CHANNEL_FIELD_SENTENCES })
  const only = (channels.data?.data.length ?? 0) <= 1
  return (
    <section class="narrow" data-testid="my-channels-page">
      <h1>{t('menu.myChannels')}</h1>
      <ErrorAlert error={channels.error} />
      <ErrorAlert error={deleteError} options={{ messages: { 409: 'channels.lastOne' } }} testId="channel-delete-error" />
      <ul class="row-list" data-testid="my-channels">
        {channels.data?.data.map(ch => (
          <li key={ch.id} class="row" data-testid="my-channel" data-name={ch.name}>
            <Avatar images={ch.avatars} name={ch.displayName} size={48} />
            <div class="row-main">
              <a href={channelPath(ch)}><strong>{ch.displayName}</strong></a> <span class="muted">{ch.name}</span>
              <p class="muted small">{tn('channel.followers', ch.followersCount)}</p>
            </div>
            <div class="row-actions">
              <a class="button" href={`/my-library/video-channels/update/${ch.name}`} data-testid="channel-edit">{t('common.edit')}</a>
              <button type="button" class="danger" disabled={only} title={only ? t('channels.lastOne') : undefined}
                onClick={() => void remove(ch.name, ch.displayName)} data-testid="channel-delete">{t('common.delete')}</button>
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('channels.new')}</h2>
      <form onSubmit={create} data-testid="channel-create-form" noValidate>
        <FormMessage message={problem.message} testId="channel-create-error" />
        <FormField id="name" label={t('channels.identifier')} error={problem.fields.name} hint={t('channels.identifierHint')}>
          <input {...fieldAria('name', problem.fields.name)} data-testid="channel-create-name" required value={name} onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="displayName" label={t('channels.displayName')} error={problem.fields.displayName}>
          <input {...fieldAria('displayName', problem.fields.displayName)} data-testid="channel-create-display-name" required value={displayName} onInput={e => setDisplayName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label={t('channels.description')} error={problem.fields.description}>
          <textarea {...fieldAria('description', problem.fields.description)} rows={3} value={description} onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={busy} data-testid="channel-create-submit">{t('channels.create')}</button>
      </form>
    </section>
  )
}
