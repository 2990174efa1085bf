// Checks done before asking the server (the server checks everything again; its answers land on the same fields).
import { t } from '../../i18n/i18n.js'
import { NAME_LENGTH, type VideoDraft } from './draft.js'

export function validateDraft (draft: VideoDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = draft.name.trim()
  if (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max) errors.name = t('problem.field.videoName', NAME_LENGTH)
  if (draft.privacy === 'scheduled') {
    const at = new Date(draft.scheduleAt)
    if (!draft.scheduleAt || Number.isNaN(at.getTime())) errors.scheduleUpdate = t('problem.field.scheduleDate')
    else if (at.getTime() <= Date.now()) errors.scheduleUpdate = t('problem.field.scheduleInPast')
  }
  return errors
}
