// /admin/jobs — job queue by state and type, with progress and errors; refreshes itself.
import { useEffect, useState } from 'preact/hooks'
import type { Job, JobState } from '../../../../shared/models/client-server.js'
import { listJobs, retryJob } from '../../api/server.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { setQuery, useLocation } from '../../router.js'
import { AdminLayout } from './admin-layout.js'
import { t } from '../../i18n/i18n.js'

const STATES: (JobState | '')[] = ['', 'active', 'waiting', 'delayed', 'completed', 'failed']
// The job types this server runs (PeerTube's names where the job is the same).
const JOB_TYPES = [
  'activitypub-follow', 'activitypub-http-broadcast', 'activitypub-http-fetcher', 'activitypub-http-unicast', 'activitypub-inbox',
  'activitypub-refresher', 'actor-keys', 'federate-video', 'files-removal', 'move-video-files', 'storage-sweep', 'video-transcoding',
  'generate-video-storyboard'
]
const PAGE_SIZE = 20
const REFRESH_MS = 5000

function errorText (error: unknown): string {
  if (!error) return ''
  if (typeof error === 'string') return error
  const e = error as { message?: string; stack?: string }
  return e.message ?? e.stack ?? JSON.stringify(error)
}

function JobRow ({ job, onRetried }: { job: Job; onRetried: () => void }) {
  const [ retryError, setRetryError ] = useState<unknown>(null)
  const retry = async () => {
    setRetryError(null)
    try {
      await retryJob(job)
      onRetried()
    } catch (err) {
      setRetryError(err)
    }
  }
  return (
    <tr data-testid="admin-job-row" data-state={job.state} data-type={job.type}>
      <td>{job.id}</td>
      <td>{job.type}</td>
      <td>{job.state}</td>
      <td>{typeof job.progress === 'number' && job.progress > 0 ? <progress max={100} value={job.progress} aria-label={t('admin.jobs.progress')}>{job.progress}%</progress> : '–'}</td>
      <td>{formatDateTime(job.createdAt)}</td>
      <td>{job.finishedOn ? formatDateTime(job.finishedOn) : '–'}</td>
      <td class="job-error">{job.error ? <details><summary class="error">{t('admin.jobs.error')}</summary><pre data-testid="admin-job-error">{errorText(job.error)}</pre></details> : ''}</td>
      <td>
        {job.state === 'failed' && <button type="button" data-testid="admin-job-retry" onClick={() => { void retry() }}>{t('common.retry')}</button>}
        <ErrorAlert error={retryError} />
      </td>
    </tr>
  )
}

export default function AdminJobs () {
  const { query } = useLocation()
  const state = (query.get('state') ?? '') as JobState | ''
  const jobType = query.get('jobType') ?? ''
  const page = pageFromQuery(query)
  const jobs = useAsync(() => listJobs(state, { jobType: jobType || undefined, start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE }), [state, jobType, page])

  useEffect(() => {
    const timer = setInterval(jobs.reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [jobs.reload])

  return (
    <AdminLayout adminOnly>
      <h1>{t('menu.adminJobs')}</h1>
      <form class="filters" onSubmit={e => e.preventDefault()}>
        <label>{t('admin.jobs.state')}{' '}
          <select data-testid="admin-jobs-state" value={state} onChange={e => setQuery({ state: (e.currentTarget as HTMLSelectElement).value, page: null })}>
            {STATES.map(s => <option key={s} value={s}>{s || t('admin.jobs.all')}</option>)}
          </select>
        </label>
        <label>{t('admin.jobs.type')}{' '}
          <select data-testid="admin-jobs-type" value={jobType} onChange={e => setQuery({ jobType: (e.currentTarget as HTMLSelectElement).value, page: null })}>
            <option value="">{t('admin.jobs.all')}</option>
            {JOB_TYPES.map(type => <option key={type} value={type}>{type}</option>)}
          </select>
        </label>
      </form>
      <ErrorAlert error={jobs.error} />
      {jobs.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-jobs">
            <thead><tr><th>{t('admin.jobs.id')}</th><th>{t('admin.jobs.type')}</th><th>{t('admin.jobs.state')}</th><th>{t('admin.jobs.progress')}</th><th>{t('admin.users.created')}</th><th>{t('admin.jobs.finished')}</th><th>{t('admin.jobs.error')}</th><th><span class="visually-hidden">{t('admin.jobs.actions')}</span></th></tr></thead>
            <tbody>{jobs.data.data.map(job => <JobRow key={`${job.type}-${job.id}`} job={job} onRetried={jobs.reload} />)}</tbody>
          </table>
        </div>
      )}
      {jobs.data && <Pagination total={jobs.data.total} page={page} pageSize={PAGE_SIZE} />}
    </AdminLayout>
  )
}
