// /my-library/video-channels/update/:handle — a channel's display name, description, support text, avatar, banner.
import { useEffect, useState } from 'preact/hooks'
import { deleteChannelImage, getChannel, updateChannel, updateChannelImage } from '../../api/channels.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { UnavailablePage } from '../../components/UnavailablePage.js'
import { channelPath } from '../../components/VideoCard.js'
import { CHANNEL_FIELD_SENTENCES } from '../../errors/field-sentences.js'
import { t } from '../../i18n/i18n.js'
import { refreshUser, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { ImageField } from './image-field.js'
import { useSave } from './use-save.js'

export default function ChannelEditPage ({ handle }: { handle: string }) {
  const { user } = useStore(sessionStore)
  const channel = useAsync(() => getChannel(handle), [handle])
  const [displayName, setDisplayName] = useState('')
  const [description, setDescription] = useState('')
  const [support, setSupport] = useState('')
  const [applyToVideos, setApplyToVideos] = useState(false)
  const save = useSave({ fields: [ 'displayName', 'description', 'support' ], sentences: CHANNEL_FIELD_SENTENCES })

  useEffect(() => {
    if (!channel.data) return
    setDisplayName(channel.data.displayName)
    setDescription(channel.data.description ?? '')
    setSupport(channel.data.support ?? '')
  }, [channel.data])

  if (channel.error) return <UnavailablePage what="channel" error={channel.error} />
  if (!channel.data || !user) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const c = channel.data
  // Only the owner edits a channel (the server refuses others too).
  if (c.ownerAccount?.userId !== user.id || !c.isLocal) return <UnavailablePage kind="forbidden" what="channel" />

  const submit = async (event: Event) => {
    event.preventDefault()
    await save.run(async () => {
      await updateChannel(c.name, {
        displayName: displayName.trim(),
        description: description.trim() || null,
        support: support.trim() || null,
        bulkVideosSupportUpdate: applyToVideos || undefined
      })
      channel.reload()
      await refreshUser()
    })
  }
  const image = (kind: 'avatar' | 'banner') => ({
    upload: async (file: File) => { await updateChannelImage(c.name, kind, file, file.name); channel.reload() },
    remove: async () => { await deleteChannelImage(c.name, kind); channel.reload() }
  })

  return (
    <section class="narrow" data-testid="channel-edit-page">
      <h1>{t('channels.editTitle', { name: c.displayName })}</h1>
      <p><a href={channelPath(c)}>{t('channels.view')}</a> · <span class="muted">{c.name}@{c.host}</span></p>
      <ImageField id="banner" kind="banner" label={t('channels.banner')} images={c.banners} {...image('banner')} />
      <ImageField id="avatar" kind="avatar" label={t('channels.avatar')} images={c.avatars} {...image('avatar')} />
      <form onSubmit={submit} data-testid="channel-edit-form" noValidate>
        <FormMessage message={save.problem.message} testId="channel-edit-error" />
        <FormField id="displayName" label={t('channels.displayName')} error={save.problem.fields.displayName}>
          <input {...fieldAria('displayName', save.problem.fields.displayName)} data-testid="channel-display-name" required maxLength={120} value={displayName}
            onInput={e => setDisplayName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label={t('channels.description')} error={save.problem.fields.description} hint={t('details.descriptionHint')}>
          <textarea {...fieldAria('description', save.problem.fields.description)} data-testid="channel-description-input" rows={5} value={description}
            onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <FormField id="support" label={t('details.support')} error={save.problem.fields.support} hint={t('channels.supportHint')}>
          <textarea {...fieldAria('support', save.problem.fields.support)} data-testid="channel-support" rows={3} value={support}
            onInput={e => setSupport((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <label class="inline"><input type="checkbox" checked={applyToVideos} onChange={() => setApplyToVideos(!applyToVideos)} data-testid="channel-support-all" /> {t('channels.supportAll')}</label>
        <p class="actions">
          <button type="submit" class="primary" disabled={save.busy} data-testid="channel-save">{t('common.save')}</button>
          {save.saved && <span class="success" role="status" data-testid="channel-saved">{t('common.saved')}</span>}
        </p>
      </form>
    </section>
  )
}
