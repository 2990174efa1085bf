// /admin/runners — remote runners: registration tokens to hand out, registered runners (last contact, jobs,
// trust, disabled ones), and the runner jobs with their state, runner and error.
import { useEffect, useState } from 'preact/hooks'
import { RUNNER_JOB_STATE_LABELS, RunnerJobState, type Runner, type RunnerJobAdmin, type RunnerRegistrationToken } from '../../../../shared/models/runners.js'
import {
  cancelRunnerJob, deleteRegistrationToken, deleteRunner, deleteRunnerJob, generateRegistrationToken, listRegistrationTokens, listRunnerJobs, listRunners,
  updateRunner
} from '../../api/runners.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

const REFRESH_MS = 5000

/** Runs an action, shows its error, reloads the lists after it. */
function useAction (reload: () => void) {
  const [ error, setError ] = useState<unknown>(null)
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
    reload()
  }
  return { error, run }
}

function TokenRow ({ token, onChange }: { token: RunnerRegistrationToken; onChange: () => void }) {
  const action = useAction(onChange)
  const remove = () => {
    if (!confirm(`Delete this token? The ${token.registeredRunnersCount} runner(s) registered with it will be removed.`)) return
    void action.run(() => deleteRegistrationToken(token.id))
  }
  return (
    <tr data-testid="admin-runner-token-row">
      <td><code data-testid="admin-runner-token">{token.registrationToken}</code></td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td data-testid="admin-runner-token-count">{token.registeredRunnersCount}</td>
      <td>
        <button type="button" onClick={() => { void navigator.clipboard?.writeText(token.registrationToken) }}>Copy</button>{' '}
        <button type="button" class="danger" data-testid="admin-runner-token-delete" onClick={remove}>Delete</button>
        <ErrorAlert error={action.error} />
      </td>
    </tr>
  )
}

function RunnerRow ({ runner, onChange }: { runner: Runner; onChange: () => void }) {
  const action = useAction(onChange)
  return (
    <tr data-testid="admin-runner-row" data-name={runner.name}>
      <td><strong>{runner.name}</strong>{runner.description && <div class="muted">{runner.description}</div>}</td>
      <td data-testid="admin-runner-contact">{formatDateTime(runner.lastContact)}{runner.ip && <div class="muted">{runner.ip}</div>}</td>
      <td data-testid="admin-runner-jobs">{runner.processingJobs} running, {runner.completedJobs} done</td>
      <td>{runner.encoderProfiles.join(', ') || 'default'}</td>
      <td data-testid="admin-runner-state">
        {runner.disabledReason ? <span class="error">Disabled: {runner.disabledReason}</span> : 'Enabled'}
        {runner.verificationFailures > 0 && <div class="muted">{runner.verificationFailures} refused output(s) in a row</div>}
      </td>
      <td>
        <label>
          <input type="checkbox" checked={runner.trusted} data-testid="admin-runner-trusted"
            onChange={e => { void action.run(() => updateRunner(runner.id, { trusted: (e.target as HTMLInputElement).checked })) }} />
          {' '}Trusted (no spot check)
        </label>
        <div>
          <button type="button" data-testid="admin-runner-toggle" onClick={() => { void action.run(() => updateRunner(runner.id, { enabled: !!runner.disabledReason })) }}>
            {runner.disabledReason ? 'Enable' : 'Disable'}
          </button>{' '}
          <button type="button" class="danger" onClick={() => { if (confirm(`Remove runner ${runner.name}?`)) void action.run(() => deleteRunner(runner.id)) }}>Remove</button>
        </div>
        <ErrorAlert error={action.error} />
      </td>
    </tr>
  )
}

function JobRow ({ job, onChange }: { job: RunnerJobAdmin; onChange: () => void }) {
  const action = useAction(onChange)
  const cancellable = job.state.id === RunnerJobState.PENDING || job.state.id === RunnerJobState.PROCESSING || job.state.id === RunnerJobState.WAITING_FOR_PARENT_JOB
  const output = (job.payload as { output?: { resolution?: number } }).output
  return (
    <tr data-testid="admin-runner-job-row" data-state={job.state.id}>
      <td>{job.type}{output?.resolution !== undefined && ` ${output.resolution}p`}<div class="muted"><code>{job.uuid}</code></div></td>
      <td data-testid="admin-runner-job-state">{job.state.label}{job.state.id === RunnerJobState.PROCESSING && job.progress !== null && ` (${job.progress}%)`}</td>
      <td>{job.runner?.name ?? '–'}</td>
      <td>{job.priority}</td>
      <td>{job.failures}{job.error && <div class="error">{job.error}</div>}</td>
      <td>{formatDateTime(job.updatedAt)}</td>
      <td>
        {cancellable && <button type="button" onClick={() => { void action.run(() => cancelRunnerJob(job.uuid)) }}>Cancel</button>}{' '}
        <button type="button" class="danger" onClick={() => { void action.run(() => deleteRunnerJob(job.uuid)) }}>Delete</button>
        <ErrorAlert error={action.error} />
      </td>
    </tr>
  )
}

export default function AdminRunners () {
  const tokens = useAsync(() => listRegistrationTokens(), [])
  const runners = useAsync(() => listRunners(), [])
  const [ state, setState ] = useState<number | ''>('')
  const jobs = useAsync(() => listRunnerJobs({ stateOneOf: state === '' ? undefined : [ state ] }), [ state ])
  const generate = useAction(tokens.reload)

  useEffect(() => {
    // Runners register, take and finish jobs on their own: the page follows them.
    const timer = setInterval(() => { tokens.reload(); runners.reload(); jobs.reload() }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [ tokens.reload, runners.reload, jobs.reload ])

  const reloadAll = () => { tokens.reload(); runners.reload(); jobs.reload() }
  return (
    <AdminLayout adminOnly>
      <h1>Remote runners</h1>
      <p>
        Runners transcode on other machines when <code>transcoding.remote_runners.enabled</code> is on. Start one with
        {' '}<code>npm run runner -- --url {location.origin} --token &lt;registration token&gt;</code>, or PeerTube's
        {' '}<code>peertube-runner register</code>. Their outputs are checked before anything is published.
      </p>

      <h2>Registration tokens</h2>
      <button type="button" data-testid="admin-runner-token-generate" onClick={() => { void generate.run(() => generateRegistrationToken()) }}>Generate a token</button>
      <ErrorAlert error={generate.error ?? tokens.error} />
      {tokens.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runner-tokens">
            <thead><tr><th>Token</th><th>Created</th><th>Runners</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{tokens.data.data.map(t => <TokenRow key={t.id} token={t} onChange={reloadAll} />)}</tbody>
          </table>
        </div>
      )}

      <h2>Runners</h2>
      <ErrorAlert error={runners.error} />
      {runners.data && runners.data.total === 0 && <p data-testid="admin-runners-empty">No runner is registered.</p>}
      {runners.data && runners.data.total !== 0 && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runners">
            <thead><tr><th>Runner</th><th>Last contact</th><th>Jobs</th><th>Profiles</th><th>State</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{runners.data.data.map(r => <RunnerRow key={r.id} runner={r} onChange={reloadAll} />)}</tbody>
          </table>
        </div>
      )}

      <h2>Jobs</h2>
      <label>
        State{' '}
        <select data-testid="admin-runner-job-filter" value={String(state)} onChange={e => { const v = (e.target as HTMLSelectElement).value; setState(v === '' ? '' : Number(v)) }}>
          <option value="">All</option>
          {Object.entries(RUNNER_JOB_STATE_LABELS).map(([ id, label ]) => <option key={id} value={id}>{label}</option>)}
        </select>
      </label>
      <ErrorAlert error={jobs.error} />
      {jobs.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runner-jobs">
            <thead><tr><th>Job</th><th>State</th><th>Runner</th><th>Priority</th><th>Failures</th><th>Updated</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{jobs.data.data.map(j => <JobRow key={j.uuid} job={j} onChange={reloadAll} />)}</tbody>
          </table>
          <p class="muted">{jobs.data.total} job(s)</p>
        </div>
      )}
    </AdminLayout>
  )
}
