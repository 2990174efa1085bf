// /admin/deliveries — remote servers our deliveries cannot reach, their parked backlog, and a "retry now".
import { useEffect, useState } from 'preact/hooks'
import type { ServerDeliveryHealth } from '../../../../shared/models/client-server.js'
import { getDeliveryHealth, retryParkedDeliveries } from '../../api/server.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

const REFRESH_MS = 5000

function ServerRow ({ server, onRetried }: { server: ServerDeliveryHealth; onRetried: () => void }) {
  const [ error, setError ] = useState<unknown>(null)
  const [ released, setReleased ] = useState<number | null>(null)
  const retry = async () => {
    setError(null)
    try {
      setReleased((await retryParkedDeliveries(server.host)).released)
      onRetried()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <tr data-testid="admin-delivery-row" data-host={server.host}>
      <td>{server.host}</td>
      <td>{server.failingSince ? <span class="error">failing since {formatDateTime(server.failingSince)}</span> : 'reachable'}</td>
      <td data-testid="admin-delivery-parked">{server.parkedDeliveries}</td>
      <td>{server.oldestParkedAt ? formatDateTime(server.oldestParkedAt) : '–'}</td>
      <td>{server.nextAttemptAt ? formatDateTime(server.nextAttemptAt) : '–'}</td>
      <td>
        {server.parkedDeliveries > 0 && <button type="button" data-testid="admin-delivery-retry" onClick={() => { void retry() }}>Retry now</button>}
        {released !== null && <span role="status"> {released} queued again</span>}
        <ErrorAlert error={error} />
      </td>
    </tr>
  )
}

export default function AdminDeliveries () {
  const health = useAsync(() => getDeliveryHealth(), [])

  useEffect(() => {
    const timer = setInterval(health.reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [health.reload])

  const outbox = health.data?.outbox ?? []
  return (
    <AdminLayout adminOnly>
      <h1>Deliveries</h1>
      <p>
        Activities a remote server could not take are retried a few times at once, then on a slow schedule for
        days; they go as soon as that server is seen again.
      </p>
      <ErrorAlert error={health.error} />
      {health.data && health.data.total === 0 && <p data-testid="admin-deliveries-empty">Every remote server takes our deliveries.</p>}
      {health.data && health.data.total !== 0 && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-deliveries">
            <thead><tr><th>Server</th><th>State</th><th>Parked</th><th>Oldest</th><th>Next attempt</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{health.data.data.map(server => <ServerRow key={server.host} server={server} onRetried={health.reload} />)}</tbody>
          </table>
        </div>
      )}
      {outbox.length !== 0 && (
        <details>
          <summary>Unfinished jobs in the outbox</summary>
          <ul data-testid="admin-outbox">{outbox.map(row => <li key={`${row.state}-${row.jobType}`}>{row.jobType}: {row.count} {row.state}</li>)}</ul>
        </details>
      )}
    </AdminLayout>
  )
}
