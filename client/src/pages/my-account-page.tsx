// /my-account — playback preferences (sensitive content, P2P, autoplay) and storage use.
import { useState } from 'preact/hooks'
import type { NSFWPolicy } from '../../../shared/models/client-video.js'
import { updateMe } from '../api/users.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { refreshUser, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { QuotaLine } from './my-videos-page.js'

const NSFW_CHOICES: { id: NSFWPolicy; label: string }[] = [
  { id: 'display', label: 'Show' },
  { id: 'blur', label: 'Blur thumbnails' },
  { id: 'do_not_list', label: 'Hide' }
]

export default function MyAccountPage () {
  const { user } = useStore(sessionStore)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  if (!user) return null

  const save = async (change: Parameters<typeof updateMe>[0]) => {
    setError(null)
    setSaved(false)
    try {
      await updateMe(change)
      await refreshUser()
      setSaved(true)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section class="narrow" data-testid="my-account-page">
      <h1>{user.account.displayName}</h1>
      <p class="muted">{user.username} · {user.email} · {user.role.label}</p>
      <QuotaLine />
      <h2>Playback</h2>
      <fieldset>
        <legend>Sensitive videos</legend>
        {NSFW_CHOICES.map(choice => (
          <label class="inline" key={choice.id}>
            <input type="radio" name="nsfwPolicy" value={choice.id} checked={user.nsfwPolicy === choice.id}
              data-testid={`nsfw-${choice.id}`} onChange={() => void save({ nsfwPolicy: choice.id })} /> {choice.label}
          </label>
        ))}
      </fieldset>
      <label class="inline">
        <input type="checkbox" checked={user.p2pEnabled} data-testid="setting-p2p" onChange={() => void save({ p2pEnabled: !user.p2pEnabled })} />
        {' '}Share video with other viewers (peer-to-peer)
      </label>
      <label class="inline">
        <input type="checkbox" checked={user.autoPlayVideo} data-testid="setting-autoplay" onChange={() => void save({ autoPlayVideo: !user.autoPlayVideo })} />
        {' '}Start playing videos automatically
      </label>
      {saved && <p class="success" role="status">Saved.</p>}
      <ErrorAlert error={error} />
      <p><a href="/my-library/videos">My videos</a> · <a href="/my-library/video-channels">My channels</a>
        {' · '}<a href="/my-account/abuses" data-testid="my-abuses-link">My reports</a> · <a href="/my-account/blocklist" data-testid="my-blocklist-link">Muted accounts and servers</a></p>
    </section>
  )
}
