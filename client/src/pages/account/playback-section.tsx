// Sensitive content, peer-to-peer and autoplay: saved as soon as they change.
import { useState } from 'preact/hooks'
import type { User } from '../../../../shared/models/client-user.js'
import type { NSFWPolicy } from '../../../../shared/models/client-video.js'
import { updateMe } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { t, type MessageKey } from '../../i18n/i18n.js'
import { refreshUser } from '../../lib/session.js'
import { useSave } from './use-save.js'

const NSFW_CHOICES: { id: NSFWPolicy; label: MessageKey }[] = [
  { id: 'display', label: 'account.playback.nsfw.display' },
  { id: 'blur', label: 'account.playback.nsfw.blur' },
  { id: 'do_not_list', label: 'account.playback.nsfw.hide' }
]

export function PlaybackSection ({ user }: { user: User }) {
  const save = useSave({ fields: [] })
  // Shown at once, saved behind; a refused change comes back with the user's real settings.
  const saved = () => ({ nsfwPolicy: user.nsfwPolicy, p2pEnabled: user.p2pEnabled, autoPlayVideo: user.autoPlayVideo, videosHistoryEnabled: user.videosHistoryEnabled !== false })
  const [shown, setShown] = useState(saved)
  const change = async (update: Partial<typeof shown>) => {
    setShown({ ...shown, ...update })
    const ok = await save.run(async () => { await updateMe(update); await refreshUser() })
    if (!ok) setShown(saved())
  }

  return (
    <div data-testid="playback-settings">
      <fieldset>
        <legend>{t('account.playback.nsfw')}</legend>
        {NSFW_CHOICES.map(choice => (
          <label class="inline" key={choice.id}>
            <input type="radio" name="nsfwPolicy" value={choice.id} checked={shown.nsfwPolicy === choice.id}
              data-testid={`nsfw-${choice.id}`} onChange={() => void change({ nsfwPolicy: choice.id })} /> {t(choice.label)}
          </label>
        ))}
      </fieldset>
      <label class="inline">
        <input type="checkbox" checked={shown.p2pEnabled} data-testid="setting-p2p" onChange={() => void change({ p2pEnabled: !shown.p2pEnabled })} />
        {' '}{t('account.playback.p2p')}
      </label>
      <p class="muted small">{t('account.playback.p2pHint')}</p>
      <label class="inline">
        <input type="checkbox" checked={shown.autoPlayVideo} data-testid="setting-autoplay" onChange={() => void change({ autoPlayVideo: !shown.autoPlayVideo })} />
        {' '}{t('account.playback.autoplay')}
      </label>
      <label class="inline">
        <input type="checkbox" checked={shown.videosHistoryEnabled} data-testid="setting-history" onChange={() => void change({ videosHistoryEnabled: !shown.videosHistoryEnabled })} />
        {' '}{t('history.enabled')}
      </label>
      {save.saved && <p class="success" role="status">{t('common.saved')}</p>}
      <FormMessage message={save.problem.message} />
    </div>
  )
}
