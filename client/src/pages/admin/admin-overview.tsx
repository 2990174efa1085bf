// /admin — instance statistics.
import { getServerStats } from '../../api/server.js'
import { ErrorAlert, isNotFound } from '../../components/ErrorAlert.js'
import { formatBytes } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

export default function AdminOverview () {
  const stats = useAsync(() => getServerStats(), [])
  const s = stats.data
  const rows: [string, string | number | undefined][] = s
    ? [
        ['Users', s.totalUsers],
        ['Active users (day / week / month)', `${s.totalDailyActiveUsers ?? '–'} / ${s.totalWeeklyActiveUsers ?? '–'} / ${s.totalMonthlyActiveUsers ?? '–'}`],
        ['Local videos', s.totalLocalVideos],
        ['All known videos', s.totalVideos],
        ['Local video views', s.totalLocalVideoViews],
        ['Local video storage', formatBytes(s.totalLocalVideoFilesSize)],
        ['Local channels', s.totalLocalVideoChannels],
        ['Instance followers', s.totalInstanceFollowers],
        ['Instances followed', s.totalInstanceFollowing],
        ['ActivityPub messages processed / waiting', `${s.totalActivityPubMessagesProcessed ?? '–'} / ${s.totalActivityPubMessagesWaiting ?? '–'}`]
      ]
    : []
  return (
    <AdminLayout>
      <h1>Overview</h1>
      {isNotFound(stats.error)
        ? <p class="notice" data-testid="admin-stats-unavailable">This server does not publish statistics.</p>
        : <ErrorAlert error={stats.error} />}
      {s && (
        <dl class="stats-grid" data-testid="admin-stats">
          {rows.map(([label, value]) => <div key={label}><dt>{label}</dt><dd>{value ?? '–'}</dd></div>)}
        </dl>
      )}
    </AdminLayout>
  )
}
