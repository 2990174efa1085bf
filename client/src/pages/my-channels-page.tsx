// /my-library/video-channels — list, create and delete the user's channels.
import { useState } from 'preact/hooks'
import { createChannel, deleteChannel, listAccountChannels } from '../api/channels.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { channelPath } from '../components/VideoCard.js'
import { refreshUser, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'

const FIELDS = ['name', 'displayName', 'description']

export default function MyChannelsPage () {
  const { user } = useStore(sessionStore)
  const accountName = user?.account.name ?? ''
  const channels = useAsync(() => listAccountChannels(accountName), [accountName])
  const [name, setName] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<unknown>(null)
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

  const remove = async (handle: string) => {
    if (!confirm(`Delete the channel ${handle} and all its videos?`)) return
    try {
      await deleteChannel(handle)
      channels.reload()
      void refreshUser()
    } catch (err) {
      setError(err)
    }
  }

  const errors = fieldErrorsOf(error)
  const formError = formErrorOf(error, FIELDS)
  return (
    <section class="narrow" data-testid="my-channels-page">
      <h1>My channels</h1>
      <ErrorAlert error={channels.error} />
      <ul class="row-list" data-testid="my-channels">
        {channels.data?.data.map(ch => (
          <li key={ch.id} class="row">
            <div class="row-main"><a href={channelPath(ch)}><strong>{ch.displayName}</strong></a> <span class="muted">{ch.name}</span></div>
            <div class="row-actions"><button type="button" class="danger" onClick={() => void remove(ch.name)}>Delete</button></div>
          </li>
        ))}
      </ul>
      <h2>New channel</h2>
      <form onSubmit={create} data-testid="channel-create-form" noValidate>
        {formError && <ErrorAlert error={new Error(formError)} />}
        <FormField id="name" label="Identifier (letters, digits, _ . -)" error={errors.name}>
          <input {...fieldAria('name', errors.name)} data-testid="channel-create-name" required value={name} onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="displayName" label="Display name" error={errors.displayName}>
          <input {...fieldAria('displayName', errors.displayName)} data-testid="channel-create-display-name" required value={displayName} onInput={e => setDisplayName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label="Description" error={errors.description}>
          <textarea {...fieldAria('description', errors.description)} rows={3} value={description} onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={busy} data-testid="channel-create-submit">Create</button>
      </form>
    </section>
  )
}
