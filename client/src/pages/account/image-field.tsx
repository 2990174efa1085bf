// An avatar or banner: the current picture, a button to choose a new one (sent at once), and one to remove it.
import { useState } from 'preact/hooks'
import type { ActorImage } from '../../../../shared/models/client-common.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { pickImage } from '../../components/Avatar.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'

interface Props {
  id: string
  label: string
  kind: 'avatar' | 'banner'
  images: ActorImage[] | undefined
  upload: (file: File) => Promise<void>
  remove: () => Promise<void>
}

export function ImageField ({ id, label, kind, images, upload, remove }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const current = pickImage(images, kind === 'avatar' ? 120 : 1200)

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try { await action() } catch (err) { setError(err) } finally { setBusy(false) }
  }
  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (file) void act(() => upload(file))
  }
  const problem = humanizeProblem(error, { fields: [] })
  return (
    <div class={`image-field image-field-${kind}`} data-testid={`${id}-field`}>
      <span class="label">{label}</span>
      {current ? <img src={current.path} alt="" class={kind} data-testid={`${id}-image`} /> : <span class={`${kind} image-empty`}>{t('image.none')}</span>}
      <p class="actions">
        <label class="button file-button" aria-disabled={busy}>
          {current ? t('image.replace') : t('image.choose')}
          <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif" class="visually-hidden" data-testid={`${id}-input`} disabled={busy} onChange={onFile} />
        </label>
        {current && <button type="button" class="danger" disabled={busy} onClick={() => void act(remove)} data-testid={`${id}-remove`}>{t('image.remove')}</button>}
        {busy && <span class="muted small" aria-busy="true">{t('common.saving')}</span>}
      </p>
      <FormMessage message={problem.message} testId={`${id}-error`} />
    </div>
  )
}
