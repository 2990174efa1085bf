// The sessions of a live, for its owner (GET /videos/live/{id}/sessions): when each ran, why it ended early,
// and the video its replay became.
import type { LiveVideoSession } from '../../../../shared/models/lives.js'
import { t } from '../../i18n/i18n.js'
import { formatDateTime } from '../../lib/format.js'

export function LiveSessions ({ sessions }: { sessions: LiveVideoSession[] }) {
  if (sessions.length === 0) return <p class="muted small" data-testid="live-sessions-empty">{t('live.sessions.none')}</p>
  return (
    <table class="live-sessions" data-testid="live-sessions">
      <caption>{t('live.sessions.title')}</caption>
      <thead>
        <tr><th>{t('live.sessions.start')}</th><th>{t('live.sessions.end')}</th><th>{t('live.sessions.status')}</th><th>{t('live.sessions.replay')}</th></tr>
      </thead>
      <tbody>
        {sessions.map(session => (
          <tr key={session.id} data-testid="live-session">
            <td><time dateTime={session.startDate}>{formatDateTime(session.startDate)}</time></td>
            <td data-testid="live-session-end">{session.endDate ? <time dateTime={session.endDate}>{formatDateTime(session.endDate)}</time> : t('live.sessions.running')}</td>
            <td data-testid="live-session-status">{session.error ? t(`live.sessions.error.${session.error}`) : session.endDate ? t('live.sessions.ok') : ''}</td>
            <td>
              {session.replayVideo
                ? <a href={`/videos/watch/${session.replayVideo.uuid}`} data-testid="live-session-replay">{t('live.sessions.watchReplay')}</a>
                : session.saveReplay && !session.endingProcessed ? t('live.sessions.replayPending') : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
