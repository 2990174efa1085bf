// /admin — instance statistics.
import { getServerStats } from '../../api/server.js'
import { ErrorAlert, isNotFound } from '../../components/ErrorAlert.js'
import { formatBytes } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'
import { t } from '../../i18n/i18n.js'

export default function AdminOverview () {
  const stats = useAsync(() => getServerStats(), [])
  const s = stats.data
  const rows: [string, string | number | undefined][] = s
    ? [
      [t('admin.stats.users'), s.totalUsers],
      [t('admin.stats.activeUsers'), `${s.totalDailyActiveUsers ?? '–'} / ${s.totalWeeklyActiveUsers ?? '–'} / ${s.totalMonthlyActiveUsers ?? '–'}`],
      [t('admin.stats.localVideos'), s.totalLocalVideos],
      [t('admin.stats.allVideos'), s.totalVideos],
      [t('admin.stats.views'), s.totalLocalVideoViews],
      [t('admin.stats.storage'), formatBytes(s.totalLocalVideoFilesSize)],
      [t('admin.stats.channels'), s.totalLocalVideoChannels],
      [t('admin.stats.followers'), s.totalInstanceFollowers],
      [t('admin.stats.following'), s.totalInstanceFollowing],
      [t('admin.stats.activities'), `${s.totalActivityPubMessagesProcessed ?? '–'} / ${s.totalActivityPubMessagesWaiting ?? '–'}`]
    ]
    : []
  return (
    <AdminLayout>
      <h1>{t('menu.adminOverview')}</h1>
      {isNotFound(stats.error)
        ? <p class="notice" data-testid="admin-stats-unavailable">{t('admin.statsUnavailable')}</p>
        : <ErrorAlert error={stats.error} />}
      {s && (
        <dl class="stats-grid" data-testid="admin-stats">
          {rows.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value ?? '–'}</dd></div>)}
        </dl>
      )}
    </AdminLayout>
  )
}
