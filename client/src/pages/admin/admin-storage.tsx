// /admin/storage — integrity and redundancy: the last scrub of every stored copy (checked, bad, repaired,
// unrepairable, with its problems) and a button starting one; the mirrors we hold of other instances' videos, and
// the mirrors other instances hold of ours (with our check of each).
import { useEffect, useState } from 'preact/hooks'
import { getStorageScrub, listVideoRedundancies, startStorageScrub, type MirrorInfo, type VideoRedundancy } from '../../api/storage.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { t, tOr } from '../../i18n/i18n.js'
import { formatBytes, formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

const REFRESH_MS = 2000

function ScrubSection () {
  const scrub = useAsync(() => getStorageScrub(), [])
  const [ error, setError ] = useState<unknown>(null)
  const running = scrub.data?.running === true

  useEffect(() => {
    // A pass runs as jobs on the server: follow it while it runs.
    if (!running) return
    const timer = setInterval(() => scrub.reload(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [ running, scrub.reload ])

  const start = async () => {
    setError(null)
    try {
      await startStorageScrub()
    } catch (err) {
      setError(err)
    }
    scrub.reload()
  }

  const run = scrub.data?.lastRun
  return (
    <section data-testid="admin-scrub">
      <h2>{t('storage.scrub')}</h2>
      <p class="muted">{t('storage.scrubIntro')}</p>
      <button type="button" data-testid="admin-scrub-start" disabled={running} onClick={() => { void start() }}>
        {running ? t('storage.scrubRunning') : t('storage.scrubStart')}
      </button>
      <ErrorAlert error={error ?? scrub.error} />
      {scrub.data && !run && <p data-testid="admin-scrub-none">{t('storage.scrubNone')}</p>}
      {run && (
        <>
          <dl class="stats" data-testid="admin-scrub-report" data-state={run.state} data-run={run.id}>
            <div><dt>{t('storage.state')}</dt><dd data-testid="admin-scrub-state">{tOr(`storage.runState.${run.state}`, run.state)}</dd></div>
            <div><dt>{t('storage.started')}</dt><dd>{formatDateTime(run.startedAt)} ({tOr(`storage.trigger.${run.trigger}`, run.trigger)})</dd></div>
            <div><dt>{t('storage.checked')}</dt><dd data-testid="admin-scrub-checked">{run.checked}</dd></div>
            <div><dt>{t('storage.bad')}</dt><dd data-testid="admin-scrub-bad">{run.bad}</dd></div>
            <div><dt>{t('storage.repaired')}</dt><dd data-testid="admin-scrub-repaired">{run.repaired}</dd></div>
            <div><dt>{t('storage.unrepairable')}</dt><dd data-testid="admin-scrub-unrepairable">{run.unrepairable}</dd></div>
            <div><dt>{t('storage.read')}</dt><dd>{formatBytes(run.bytesRead)}</dd></div>
          </dl>
          {run.error && <p class="error" role="alert">{run.error}</p>}
          {run.problems.length !== 0 && (
            <div class="table-scroll">
              <table class="table" data-testid="admin-scrub-problems">
                <thead><tr><th>{t('storage.file')}</th><th>{t('storage.where')}</th><th>{t('storage.reason')}</th><th>{t('storage.outcome')}</th></tr></thead>
                <tbody>
                  {run.problems.map(p => (
                    <tr key={`${p.at}-${p.filename}`} data-testid="admin-scrub-problem" data-outcome={p.outcome}>
                      <td><code>{p.filename}</code><div class="muted"><a href={`/w/${p.videoUuid}`}>{p.kind}</a></div></td>
                      <td>{p.location}</td>
                      <td>{p.reason}</td>
                      <td class={p.outcome === 'repaired' ? '' : 'error'}>
                        {tOr(`storage.outcome.${p.outcome}`, p.outcome)}
                        {p.repairedFrom && <div class="muted">{p.repairedFrom}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  )
}

function MirrorRows ({ video, mirrors, kind }: { video: VideoRedundancy; mirrors: MirrorInfo[]; kind: string }) {
  return (
    <>
      {mirrors.map(m => (
        <tr key={`${kind}-${m.id}`} data-testid="admin-mirror-row" data-state={m.state}>
          <td><a href={video.url}>{video.name}</a></td>
          <td>{kind}</td>
          <td><a href={m.fileUrl} class="muted">{new URL(m.fileUrl).host}</a></td>
          <td>{m.strategy ?? '–'}</td>
          <td>{formatBytes(m.size)}</td>
          <td data-testid="admin-mirror-state">
            {tOr(`storage.mirrorState.${m.state}`, m.state)}
            {m.stateReason && <div class="muted">{m.stateReason}</div>}
          </td>
          <td>{m.expiresOn ? formatDateTime(m.expiresOn) : '–'}</td>
        </tr>
      ))}
    </>
  )
}

function MirrorsSection ({ target, title, empty, testId }: { target: 'my-videos' | 'remote-videos'; title: string; empty: string; testId: string }) {
  const list = useAsync(() => listVideoRedundancies(target), [ target ])
  return (
    <section data-testid={testId}>
      <h2>{title}</h2>
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && <p data-testid={`${testId}-empty`}>{empty}</p>}
      {list.data && list.data.total !== 0 && (
        <div class="table-scroll">
          <table class="table">
            <thead><tr><th>{t('storage.video')}</th><th>{t('storage.copy')}</th><th>{t('storage.host')}</th><th>{t('storage.strategy')}</th><th>{t('storage.size')}</th><th>{t('storage.state')}</th><th>{t('storage.expires')}</th></tr></thead>
            <tbody>
              {list.data.data.map(video => (
                <>
                  <MirrorRows key={`f-${video.id}`} video={video} mirrors={video.redundancies.files} kind={t('storage.webVideo')} />
                  <MirrorRows key={`p-${video.id}`} video={video} mirrors={video.redundancies.streamingPlaylists} kind="HLS" />
                </>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default function AdminStorage () {
  return (
    <AdminLayout adminOnly>
      <h1>{t('storage.title')}</h1>
      <ScrubSection />
      <MirrorsSection target="remote-videos" title={t('storage.ourMirrors')} empty={t('storage.ourMirrorsEmpty')} testId="admin-our-mirrors" />
      <MirrorsSection target="my-videos" title={t('storage.theirMirrors')} empty={t('storage.theirMirrorsEmpty')} testId="admin-their-mirrors" />
    </AdminLayout>
  )
}
