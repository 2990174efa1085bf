// Display name, description and avatar: what others see of the account.
import { useState } from 'preact/hooks'
import type { User } from '../../../../shared/models/client-user.js'
import { deleteMyAvatar, updateMe, updateMyAvatar } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { ACCOUNT_FIELD_SENTENCES } from '../../errors/field-sentences.js'
import { t } from '../../i18n/i18n.js'
import { refreshUser } from '../../lib/session.js'
import { ImageField } from './image-field.js'
import { useSave } from './use-save.js'

export function ProfileSection ({ user }: { user: User }) {
  const [displayName, setDisplayName] = useState(user.account.displayName)
  const [description, setDescription] = useState(user.account.description ?? '')
  const save = useSave({ fields: [ 'displayName', 'description' ], sentences: ACCOUNT_FIELD_SENTENCES })

  const submit = async (event: Event) => {
    event.preventDefault()
    await save.run(async () => {
      await updateMe({ displayName: displayName.trim(), description: description.trim() || null })
      await refreshUser()
    })
  }

  return (
    <>
      <ImageField id="avatar" kind="avatar" label={t('account.profile.avatar')} images={user.account.avatars}
        upload={async file => { await updateMyAvatar(file, file.name); await refreshUser() }}
        remove={async () => { await deleteMyAvatar(); await refreshUser() }} />
      <form onSubmit={submit} data-testid="profile-form" noValidate>
        <FormMessage message={save.problem.message} testId="profile-error" />
        <FormField id="displayName" label={t('account.profile.displayName')} error={save.problem.fields.displayName}>
          <input {...fieldAria('displayName', save.problem.fields.displayName)} data-testid="profile-display-name" maxLength={120} value={displayName}
            onInput={e => setDisplayName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <FormField id="description" label={t('account.profile.description')} error={save.problem.fields.description} hint={t('account.profile.descriptionHint')}>
          <textarea {...fieldAria('description', save.problem.fields.description)} data-testid="profile-description" rows={4} value={description}
            onInput={e => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <p class="actions">
          <button type="submit" class="primary" disabled={save.busy} data-testid="profile-save">{t('common.save')}</button>
          {save.saved && <span class="success" role="status" data-testid="profile-saved">{t('common.saved')}</span>}
        </p>
      </form>
    </>
  )
}
