// /admin/runners — remote runners: registration tokens to hand out, registered runners (last contact, jobs,
// trust, disabled ones), and the runner jobs with their state, runner and error.
import { useEffect, useState } from 'preact/hooks'
import { RUNNER_JOB_STATE_LABELS, RunnerJobState, type Runner, type RunnerJobAdmin, type RunnerRegistrationToken } from '../../../../shared/models/runners.js'
import {
  cancelRunnerJob, deleteRegistrationToken, deleteRunner, deleteRunnerJob, generateRegistrationToken, listRegistrationTokens, listRunnerJobs, listRunners,
  updateRunner
} from '../../api/runners.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { t, tn, tOr } from '../../i18n/i18n.js'
import { Trans } from '../../i18n/Trans.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

const REFRESH_MS = 5000

/** The server's state label in the page's language (the server sends English). */
function stateLabel (id: number, fallback: string): string {
  return tOr(`runners.jobState.${id}`, fallback)
}

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
    if (!confirm(tn('runners.deleteTokenConfirm', token.registeredRunnersCount))) return
    void action.run(() => deleteRegistrationToken(token.id))
  }
  return (
    <tr data-testid="admin-runner-token-row">
      <td><code data-testid="admin-runner-token">{token.registrationToken}</code></td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td data-testid="admin-runner-token-count">{token.registeredRunnersCount}</td>
      <td>
        <button type="button" onClick={() => { void navigator.clipboard?.writeText(token.registrationToken) }}>{t('runners.copy')}</button>{' '}
        <button type="button" class="danger" data-testid="admin-runner-token-delete" onClick={remove}>{t('runners.delete')}</button>
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
      <td data-testid="admin-runner-jobs">{t('runners.jobCounts', { running: runner.processingJobs, done: runner.completedJobs })}</td>
      <td>{runner.encoderProfiles.join(', ') || t('runners.defaultProfile')}</td>
      <td data-testid="admin-runner-state">
        {runner.disabledReason ? <span class="error">{t('runners.disabled', { reason: runner.disabledReason })}</span> : t('runners.enabled')}
        {runner.verificationFailures > 0 && <div class="muted">{tn('runners.refused', runner.verificationFailures)}</div>}
      </td>
      <td>
        <label>
          <input type="checkbox" checked={runner.trusted} data-testid="admin-runner-trusted"
            onChange={e => { void action.run(() => updateRunner(runner.id, { trusted: (e.target as HTMLInputElement).checked })) }} />
          {' '}{t('runners.trusted')}
        </label>
        <div>
          <button type="button" data-testid="admin-runner-toggle" onClick={() => { void action.run(() => updateRunner(runner.id, { enabled: !!runner.disabledReason })) }}>
            {runner.disabledReason ? t('runners.enable') : t('runners.disable')}
          </button>{' '}
          <button type="button" class="danger" onClick={() => { if (confirm(t('runners.removeConfirm', { name: runner.name }))) void action.run(() => deleteRunner(runner.id)) }}>{t('runners.remove')}</button>
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
      <td data-testid="admin-runner-job-state">{stateLabel(job.state.id, job.state.label)}{job.state.id === RunnerJobState.PROCESSING && job.progress !== null && ` (${job.progress}%)`}</td>
      <td>{job.runner?.name ?? '–'}</td>
      <td>{job.priority}</td>
      <td>{job.failures}{job.error && <div class="error">{job.error}</div>}</td>
      <td>{formatDateTime(job.updatedAt)}</td>
      <td>
        {cancellable && <button type="button" onClick={() => { void action.run(() => cancelRunnerJob(job.uuid)) }}>{t('runners.cancel')}</button>}{' '}
        <button type="button" class="danger" onClick={() => { void action.run(() => deleteRunnerJob(job.uuid)) }}>{t('runners.delete')}</button>
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
      <h1>{t('runners.title')}</h1>
      <p>
        <Trans k="runners.intro" slots={{
          setting: <code>transcoding.remote_runners.enabled</code>,
          ours: <code>npm run runner -- --url {location.origin} --token &lt;token&gt;</code>,
          peertube: <code>peertube-runner register</code>
        }} />
      </p>

      <h2>{t('runners.tokens')}</h2>
      <button type="button" data-testid="admin-runner-token-generate" onClick={() => { void generate.run(() => generateRegistrationToken()) }}>{t('runners.generate')}</button>
      <ErrorAlert error={generate.error ?? tokens.error} />
      {tokens.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runner-tokens">
            <thead><tr><th>{t('runners.token')}</th><th>{t('runners.created')}</th><th>{t('runners.registered')}</th><th><span class="visually-hidden">{t('runners.actions')}</span></th></tr></thead>
            <tbody>{tokens.data.data.map(token => <TokenRow key={token.id} token={token} onChange={reloadAll} />)}</tbody>
          </table>
        </div>
      )}

      <h2>{t('runners.runners')}</h2>
      <ErrorAlert error={runners.error} />
      {runners.data && runners.data.total === 0 && <p data-testid="admin-runners-empty">{t('runners.empty')}</p>}
      {runners.data && runners.data.total !== 0 && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runners">
            <thead><tr><th>{t('runners.runner')}</th><th>{t('runners.lastContact')}</th><th>{t('runners.jobs')}</th><th>{t('runners.profiles')}</th><th>{t('runners.state')}</th><th><span class="visually-hidden">{t('runners.actions')}</span></th></tr></thead>
            <tbody>{runners.data.data.map(r => <RunnerRow key={r.id} runner={r} onChange={reloadAll} />)}</tbody>
          </table>
        </div>
      )}

      <h2>{t('runners.jobs')}</h2>
      <label>
        {t('runners.state')}{' '}
        <select data-testid="admin-runner-job-filter" value={String(state)} onChange={e => { const v = (e.target as HTMLSelectElement).value; setState(v === '' ? '' : Number(v)) }}>
          <option value="">{t('runners.allStates')}</option>
          {Object.entries(RUNNER_JOB_STATE_LABELS).map(([ id, label ]) => <option key={id} value={id}>{stateLabel(Number(id), label)}</option>)}
        </select>
      </label>
      <ErrorAlert error={jobs.error} />
      {jobs.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-runner-jobs">
            <thead><tr><th>{t('runners.job')}</th><th>{t('runners.state')}</th><th>{t('runners.runner')}</th><th>{t('runners.priority')}</th><th>{t('runners.failures')}</th><th>{t('runners.updated')}</th><th><span class="visually-hidden">{t('runners.actions')}</span></th></tr></thead>
            <tbody>{jobs.data.data.map(j => <JobRow key={j.uuid} job={j} onChange={reloadAll} />)}</tbody>
          </table>
          <p class="muted">{tn('runners.jobTotal', jobs.data.total)}</p>
        </div>
      )}
    </AdminLayout>
  )
}
