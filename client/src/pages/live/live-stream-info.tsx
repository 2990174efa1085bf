// What a streamer pastes into OBS or ffmpeg: the RTMP(S) URL and the stream key (shown to the live's owner only).
import type { LiveVideo } from '../../../../shared/models/lives.js'
import { t } from '../../i18n/i18n.js'
import { CopyField } from '../watch-share.js'

export function LiveStreamInfo ({ live }: { live: LiveVideo }) {
  if (!live.rtmpUrl || !live.streamKey) return null
  return (
    <div class="live-stream-info" data-testid="live-stream-info">
      <CopyField id="live-rtmp-url" label={t('live.stream.rtmpUrl')} value={live.rtmpUrl} />
      {live.rtmpsUrl && <CopyField id="live-rtmps-url" label={t('live.stream.rtmpsUrl')} value={live.rtmpsUrl} />}
      <CopyField id="live-stream-key" label={t('live.stream.key')} value={live.streamKey} />
      <p class="muted small">{t('live.stream.keySecret')}</p>
    </div>
  )
}
