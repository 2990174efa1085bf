// Every field of a video the API takes, shared by the upload page (filled while the file uploads) and the edit page.
import { useState } from 'preact/hooks'
import type { VideoChannel } from '../../../../shared/models/client-user.js'
import { VideoCommentsPolicy, VideoPrivacy } from '../../../../shared/models/client-video.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { Markdown } from '../../components/Markdown.js'
import { TagsInput } from '../../components/TagsInput.js'
import { t } from '../../i18n/i18n.js'
import { constantOptions, languageOptions, privacyOptions } from '../../lib/constants.js'
import { categoriesTable, languagesTable, licencesTable } from '../../lib/server-tables.js'
import { useAsync } from '../../lib/use-async.js'
import { MAX_TAGS, NAME_LENGTH, TAG_LENGTH, type VideoDraft } from './draft.js'

/** Form field ids, named as the API names them so server errors land on the right field. */
export const VIDEO_FORM_FIELDS = [
  'name', 'channelId', 'description', 'tags', 'category', 'licence', 'language', 'privacy', 'scheduleUpdate', 'nsfw',
  'commentsPolicy', 'commentsEnabled', 'downloadEnabled', 'support', 'originallyPublishedAt', 'thumbnailfile'
]

interface Props {
  draft: VideoDraft
  onChange: (draft: VideoDraft) => void
  errors: Record<string, string>
  channels: VideoChannel[]
  disabled?: boolean
}

const SCHEDULABLE = [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.INTERNAL ]
const COMMENT_POLICIES = [
  { id: VideoCommentsPolicy.ENABLED, label: 'details.comments.enabled' },
  { id: VideoCommentsPolicy.REQUIRES_APPROVAL, label: 'details.comments.approval' },
  { id: VideoCommentsPolicy.DISABLED, label: 'details.comments.disabled' }
] as const

export function VideoDetailsForm ({ draft, onChange, errors, channels, disabled = false }: Props) {
  const categories = useAsync(categoriesTable, [])
  const licences = useAsync(licencesTable, [])
  const languages = useAsync(languagesTable, [])
  const [preview, setPreview] = useState(false)

  const set = <K extends keyof VideoDraft>(key: K, value: VideoDraft[K]) => onChange({ ...draft, [key]: value })
  const text = (key: 'name' | 'support' | 'scheduleAt' | 'originallyPublishedAt') => (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value)
  const select = (key: 'category' | 'licence' | 'language') => (e: Event) => set(key, (e.currentTarget as HTMLSelectElement).value)
  const privacies = privacyOptions()
  const nowLocal = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

  return (
    <div class="video-details" data-testid="video-details-form">
      <div class="form-columns">
        <div>
          <FormField id="name" label={t('details.name')} error={errors.name} hint={t('details.nameHint', NAME_LENGTH)}>
            <input {...fieldAria('name', errors.name)} data-testid="video-name" required minLength={NAME_LENGTH.min} maxLength={NAME_LENGTH.max}
              value={draft.name} disabled={disabled} onInput={text('name')} />
          </FormField>
          <FormField id="description" label={t('details.description')} error={errors.description} hint={t('details.descriptionHint')}>
            <textarea {...fieldAria('description', errors.description)} data-testid="video-description" rows={7} value={draft.description} disabled={disabled}
              onInput={e => set('description', (e.currentTarget as HTMLTextAreaElement).value)} />
          </FormField>
          <label class="inline"><input type="checkbox" checked={preview} onChange={() => setPreview(!preview)} data-testid="video-description-preview-toggle" /> {t('details.preview')}</label>
          {preview && <div class="preview-box" aria-live="polite"><Markdown source={draft.description || t('details.previewEmpty')} class="description" testId="video-description-preview" /></div>}
          <FormField id="tags" label={t('video.tags')} error={errors.tags} hint={t('details.tagsHint', { max: MAX_TAGS })}>
            <TagsInput id="tags" tags={draft.tags} onChange={tags => set('tags', tags)} max={MAX_TAGS} length={TAG_LENGTH} invalid={!!errors.tags} />
          </FormField>
          {channels.length > 1 && (
            <FormField id="channelId" label={t('details.channel')} error={errors.channelId}>
              <select {...fieldAria('channelId', errors.channelId)} data-testid="video-channel-select" value={String(draft.channelId)} disabled={disabled}
                onChange={e => set('channelId', Number((e.currentTarget as HTMLSelectElement).value))}>
                {channels.map(c => <option key={c.id} value={String(c.id)}>{c.displayName}</option>)}
              </select>
            </FormField>
          )}
          <FormField id="support" label={t('details.support')} error={errors.support} hint={t('details.supportHint')}>
            <textarea {...fieldAria('support', errors.support)} data-testid="video-support" rows={2} value={draft.support} disabled={disabled}
              onInput={e => set('support', (e.currentTarget as HTMLTextAreaElement).value)} />
          </FormField>
        </div>
        <div>
          <FormField id="privacy" label={t('details.privacy')} error={errors.privacy}
            hint={draft.privacy === 'scheduled' ? t('details.scheduledHint') : privacies.find(p => p.id === draft.privacy)?.hint}>
            <select {...fieldAria('privacy', errors.privacy)} data-testid="video-privacy" value={String(draft.privacy)} disabled={disabled}
              onChange={e => { const v = (e.currentTarget as HTMLSelectElement).value; set('privacy', v === 'scheduled' ? 'scheduled' : Number(v)) }}>
              {privacies.map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
              <option value="scheduled">{t('details.scheduled')}</option>
            </select>
          </FormField>
          {draft.privacy === 'scheduled' && (
            <div class="field-group" data-testid="video-schedule">
              <FormField id="scheduleUpdate" label={t('details.scheduleAt')} error={errors.scheduleUpdate}>
                <input {...fieldAria('scheduleUpdate', errors.scheduleUpdate)} type="datetime-local" data-testid="video-schedule-at" min={nowLocal}
                  required value={draft.scheduleAt} disabled={disabled} onInput={text('scheduleAt')} />
              </FormField>
              <FormField id="scheduledPrivacy" label={t('details.scheduledPrivacy')}>
                <select id="scheduledPrivacy" data-testid="video-schedule-privacy" value={String(draft.scheduledPrivacy)} disabled={disabled}
                  onChange={e => set('scheduledPrivacy', Number((e.currentTarget as HTMLSelectElement).value))}>
                  {privacies.filter(p => (SCHEDULABLE as number[]).includes(p.id)).map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
                </select>
              </FormField>
            </div>
          )}
          <FormField id="category" label={t('video.category')} error={errors.category}>
            <select {...fieldAria('category', errors.category)} data-testid="video-category" value={draft.category} disabled={disabled} onChange={select('category')}>
              <option value="">{t('common.none')}</option>
              {constantOptions('category', categories.data).map(o => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </FormField>
          <FormField id="licence" label={t('video.licence')} error={errors.licence}>
            <select {...fieldAria('licence', errors.licence)} data-testid="video-licence" value={draft.licence} disabled={disabled} onChange={select('licence')}>
              <option value="">{t('common.none')}</option>
              {constantOptions('licence', licences.data).map(o => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </FormField>
          <FormField id="language" label={t('video.language')} error={errors.language}>
            <select {...fieldAria('language', errors.language)} data-testid="video-language" value={draft.language} disabled={disabled} onChange={select('language')}>
              <option value="">{t('common.none')}</option>
              {languageOptions(languages.data).map(o => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </FormField>
          <FormField id="originallyPublishedAt" label={t('details.originallyPublished')} error={errors.originallyPublishedAt} hint={t('details.originallyPublishedHint')}>
            <input {...fieldAria('originallyPublishedAt', errors.originallyPublishedAt)} type="date" data-testid="video-originally-published"
              value={draft.originallyPublishedAt} disabled={disabled} onInput={text('originallyPublishedAt')} />
          </FormField>
          <FormField id="commentsPolicy" label={t('details.comments')} error={errors.commentsPolicy ?? errors.commentsEnabled}>
            <select {...fieldAria('commentsPolicy', errors.commentsPolicy)} data-testid="video-comments" value={String(draft.commentsPolicy)} disabled={disabled}
              onChange={e => set('commentsPolicy', Number((e.currentTarget as HTMLSelectElement).value))}>
              {COMMENT_POLICIES.map(p => <option key={p.id} value={String(p.id)}>{t(p.label)}</option>)}
            </select>
          </FormField>
          <label class="inline"><input type="checkbox" data-testid="video-nsfw" checked={draft.nsfw} disabled={disabled} onChange={() => set('nsfw', !draft.nsfw)} /> {t('details.nsfw')}</label>
          <label class="inline"><input type="checkbox" data-testid="video-download" checked={draft.downloadEnabled} disabled={disabled} onChange={() => set('downloadEnabled', !draft.downloadEnabled)} /> {t('details.download')}</label>
        </div>
      </div>
    </div>
  )
}
