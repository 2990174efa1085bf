// /videos/import — import a video from a URL, a .torrent file or a magnet link (tabs), as PeerTube's upload page
// does; the import then runs on the server and shows in My imports.
import { useState } from 'preact/hooks'
import type { VideoImportJson } from '../../../../shared/models/video-imports.js'
import { createImport, type ImportSourceInput } from '../../api/imports.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { useVideoTarget, VideoTargetFields } from '../../components/VideoTargetFields.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { configStore, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'

type Tab = 'url' | 'torrent' | 'magnet'
const FIELDS = [ 'targetUrl', 'magnetUri', 'torrentfile', 'name', 'channelId', 'privacy' ]
// The server's reason (not a video, too large, a private address) says more than a generic sentence.
const SERVER_REASON = { targetUrl: (p: { msg: string }) => p.msg, magnetUri: (p: { msg: string }) => p.msg, torrentfile: (p: { msg: string }) => p.msg }

export default function ImportPage () {
  const { user } = useStore(sessionStore)
  const config = useStore(configStore)
  const target = useVideoTarget()
  const { channels, channelId, privacy } = target
  const httpEnabled = config?.import?.videos?.http?.enabled === true
  const torrentEnabled = config?.import?.videos?.torrent?.enabled === true
  const [tab, setTab] = useState<Tab>(httpEnabled || !torrentEnabled ? 'url' : 'torrent')
  const [targetUrl, setTargetUrl] = useState('')
  const [magnetUri, setMagnetUri] = useState('')
  const [torrentfile, setTorrentfile] = useState<File | null>(null)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<VideoImportJson | null>(null)

  if (!user) return null
  if (!httpEnabled && !torrentEnabled) return <p class="notice" data-testid="imports-disabled">{t('imports.disabled')}</p>
  if (channels.length === 0) return <p class="notice">{t('upload.needChannel')} <a href="/my-library/video-channels">{t('upload.createChannel')}</a></p>

  const tabs: { id: Tab; label: 'imports.tab.url' | 'imports.tab.torrent' | 'imports.tab.magnet'; enabled: boolean }[] = [
    { id: 'url', label: 'imports.tab.url', enabled: httpEnabled },
    { id: 'torrent', label: 'imports.tab.torrent', enabled: torrentEnabled },
    { id: 'magnet', label: 'imports.tab.magnet', enabled: torrentEnabled }
  ]

  const submit = async (event: Event) => {
    event.preventDefault()
    let source: ImportSourceInput
    if (tab === 'url') source = { kind: 'url', targetUrl: targetUrl.trim() }
    else if (tab === 'magnet') source = { kind: 'magnet', magnetUri: magnetUri.trim() }
    else if (torrentfile) source = { kind: 'torrent', torrentfile }
    else return setError(Object.assign(new Error(t('imports.chooseTorrent')), { name: 'UserFacingError' }))

    setBusy(true)
    setError(null)
    try {
      setCreated(await createImport(source, { channelId, privacy, name: name.trim() || undefined }))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return (
      <section class="narrow" data-testid="import-page">
        <h1>{t('imports.started')}</h1>
        <p data-testid="import-started">{t('imports.startedExplain', { name: String(created.video?.name ?? '') })}</p>
        <p class="actions">
          <a class="button primary" href="/my-library/video-imports" data-testid="import-see-list">{t('imports.myImports')}</a>{' '}
          <button type="button" onClick={() => { setCreated(null); setTargetUrl(''); setMagnetUri(''); setTorrentfile(null); setName('') }}>{t('imports.another')}</button>
        </p>
      </section>
    )
  }

  const problem = humanizeProblem(error, { fields: FIELDS, sentences: SERVER_REASON })
  const fieldErrors = problem.fields
  return (
    <section class="narrow" data-testid="import-page">
      <h1>{t('imports.title')}</h1>
      <nav class="tabs" role="tablist" aria-label={t('imports.title')}>
        {tabs.filter(x => x.enabled).map(x => (
          <a key={x.id} href={`#import-${x.id}`} role="tab" aria-selected={tab === x.id} aria-current={tab === x.id ? 'page' : undefined}
            data-testid={`import-tab-${x.id}`} onClick={e => { e.preventDefault(); setTab(x.id); setError(null) }}>{t(x.label)}</a>
        ))}
      </nav>
      <form onSubmit={submit} data-testid="import-form">
        {tab === 'url' && (
          <FormField id="targetUrl" label={t('imports.url')} error={fieldErrors.targetUrl} hint={t('imports.urlHint')}>
            <input {...fieldAria('targetUrl', fieldErrors.targetUrl)} type="url" required data-testid="import-url" value={targetUrl} disabled={busy}
              placeholder="https://" onInput={e => setTargetUrl((e.currentTarget as HTMLInputElement).value)} />
          </FormField>
        )}
        {tab === 'torrent' && (
          <FormField id="torrentfile" label={t('imports.torrent')} error={fieldErrors.torrentfile}>
            <input {...fieldAria('torrentfile', fieldErrors.torrentfile)} type="file" accept=".torrent,application/x-bittorrent" data-testid="import-torrent" disabled={busy}
              onChange={e => setTorrentfile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
          </FormField>
        )}
        {tab === 'magnet' && (
          <FormField id="magnetUri" label={t('imports.magnet')} error={fieldErrors.magnetUri} hint={t('imports.magnetHint')}>
            <input {...fieldAria('magnetUri', fieldErrors.magnetUri)} required data-testid="import-magnet" value={magnetUri} disabled={busy}
              placeholder="magnet:?xt=urn:btih:" onInput={e => setMagnetUri((e.currentTarget as HTMLInputElement).value)} />
          </FormField>
        )}
        <FormField id="name" label={t('imports.name')} error={fieldErrors.name} hint={t('imports.nameHint')}>
          <input {...fieldAria('name', fieldErrors.name)} data-testid="import-name" maxLength={120} value={name} disabled={busy}
            onInput={e => setName((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <VideoTargetFields target={target} labels={{ channel: t('imports.channel'), privacy: t('imports.privacy') }}
          errors={fieldErrors} disabled={busy} />
        <p class="actions"><button type="submit" class="primary" disabled={busy} data-testid="import-submit">{t('imports.submit')}</button></p>
      </form>
      <FormMessage message={problem.message} testId="import-error" />
    </section>
  )
}
