// What a streamer pastes into OBS or ffmpeg: the RTMP(S) URL and the stream key (shown to the live's owner only).
import type { LiveVideo } from '../../../../shared/models/lives.js'
import { CopyField } from '../watch-share.js'

export function LiveStreamInfo ({ live }: { live: LiveVideo }) {
  if (!live.rtmpUrl || !live.streamKey) return null
  return (
    <div class="live-stream-info" data-testid="live-stream-info">
      <CopyField id="live-rtmp-url" label="RTMP URL" value={live.rtmpUrl} />
      {live.rtmpsUrl && <CopyField id="live-rtmps-url" label="RTMPS URL" value={live.rtmpsUrl} />}
      <CopyField id="live-stream-key" label="Stream key" value={live.streamKey} />
      <p class="muted small">Keep the key secret: anyone who has it can stream on this live.</p>
    </div>
  )
}
