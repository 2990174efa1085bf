// Where a new video goes and who sees it: the channel and privacy fields that head the forms creating a video
// from elsewhere than an upload (an import, a live), with the same defaults (the user's first channel, the
// instance's default privacy).
import { useEffect, useState } from 'preact/hooks'
import { VideoPrivacy } from '../../../shared/models/client-video.js'
import { privacyOptions } from '../lib/constants.js'
import { configStore, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { FormField, fieldAria } from './FormField.js'

export interface VideoTarget {
  channels: { id: number; displayName: string }[]
  channelId: number
  setChannelId: (id: number) => void
  privacy: number
  setPrivacy: (privacy: number) => void
}

/** The signed-in user's channels, the chosen one (the first until another is picked) and the chosen privacy. */
export function useVideoTarget (): VideoTarget {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  const channels = user?.videoChannels ?? []
  const [channelId, setChannelId] = useState<number>(channels[0]?.id ?? 0)
  const [privacy, setPrivacy] = useState<number>(config?.defaults?.publish?.privacy ?? VideoPrivacy.PUBLIC)
  // The session may load after the page: the first channel once it is known.
  useEffect(() => { if (!channelId && channels[0]) setChannelId(channels[0].id) }, [channels.length])
  return { channels, channelId, setChannelId, privacy, setPrivacy }
}

interface Props {
  target: VideoTarget
  labels: { channel: string; privacy: string }
  errors: { channelId?: string; privacy?: string }
  disabled: boolean
  testIds?: { channel?: string; privacy?: string }
}

export function VideoTargetFields ({ target, labels, errors, disabled, testIds = {} }: Props) {
  return (
    <>
      <FormField id="channelId" label={labels.channel} error={errors.channelId}>
        <select {...fieldAria('channelId', errors.channelId)} data-testid={testIds.channel} value={String(target.channelId)} disabled={disabled}
          onChange={e => target.setChannelId(Number((e.currentTarget as HTMLSelectElement).value))}>
          {target.channels.map(c => <option key={c.id} value={String(c.id)}>{c.displayName}</option>)}
        </select>
      </FormField>
      <FormField id="privacy" label={labels.privacy} error={errors.privacy}>
        <select {...fieldAria('privacy', errors.privacy)} data-testid={testIds.privacy} value={String(target.privacy)} disabled={disabled}
          onChange={e => target.setPrivacy(Number((e.currentTarget as HTMLSelectElement).value))}>
          {privacyOptions().map(p => <option key={p.id} value={String(p.id)}>{p.label}</option>)}
        </select>
      </FormField>
    </>
  )
}
