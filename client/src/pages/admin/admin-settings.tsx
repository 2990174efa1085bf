// /admin/settings — the runtime-safe part of /config/custom as a form, the whole document as JSON.
import { useEffect, useState } from 'preact/hooks'
import type { CustomConfig } from '../../../../shared/models/client-server.js'
import { getCustomConfig, updateCustomConfig } from '../../api/server.js'
import { ErrorAlert, isNotFound } from '../../components/ErrorAlert.js'
import { loadConfig } from '../../lib/session.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'

interface Setting { path: string; label: string; choices?: string[] }

/** Only settings the server applies without a restart. Absent paths are simply not shown. */
const SETTINGS: Setting[] = [
  { path: 'instance.name', label: 'Instance name' },
  { path: 'instance.shortDescription', label: 'Short description' },
  { path: 'instance.description', label: 'Description (Markdown)' },
  { path: 'instance.defaultNSFWPolicy', label: 'Sensitive videos, default', choices: ['display', 'blur', 'do_not_list'] },
  { path: 'signup.enabled', label: 'Allow sign-ups' },
  { path: 'signup.limit', label: 'Maximum sign-ups (-1: no limit)' },
  { path: 'user.videoQuota', label: 'Default video quota, bytes (-1: unlimited)' },
  { path: 'user.videoQuotaDaily', label: 'Default daily quota, bytes (-1: unlimited)' },
  { path: 'transcoding.enabled', label: 'Transcoding' },
  { path: 'transcoding.webVideos.enabled', label: 'Web video (MP4 + torrent) output' },
  { path: 'transcoding.hls.enabled', label: 'HLS output' },
  { path: 'followers.instance.enabled', label: 'Other instances may follow us' },
  { path: 'followers.instance.manualApproval', label: 'Approve instance followers by hand' },
  { path: 'followings.instance.autoFollowBack.enabled', label: 'Follow back instances that follow us' }
]

export function getPath (doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc)
}

export function setPath (doc: CustomConfig, path: string, value: unknown): CustomConfig {
  const copy = structuredClone(doc)
  const keys = path.split('.')
  let node = copy as Record<string, unknown>
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]] = value
  return copy
}

function SettingInput ({ setting, value, onChange }: { setting: Setting; value: unknown; onChange: (v: unknown) => void }) {
  const id = `setting-${setting.path.replace(/\./g, '-')}`
  if (typeof value === 'boolean') {
    return <label class="inline"><input id={id} data-testid={id} type="checkbox" checked={value} onChange={() => onChange(!value)} /> {setting.label}</label>
  }
  const input = setting.choices
    ? <select id={id} data-testid={id} value={String(value)} onChange={e => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {setting.choices.map(c => <option key={c} value={c}>{c}</option>)}
      </select>
    : typeof value === 'number'
      ? <input id={id} data-testid={id} type="number" value={String(value)} onInput={e => onChange(Number((e.currentTarget as HTMLInputElement).value))} />
      : setting.path.endsWith('description') && !setting.path.endsWith('shortDescription')
        ? <textarea id={id} data-testid={id} rows={4} value={String(value ?? '')} onInput={e => onChange((e.currentTarget as HTMLTextAreaElement).value)} />
        : <input id={id} data-testid={id} value={String(value ?? '')} onInput={e => onChange((e.currentTarget as HTMLInputElement).value)} />
  return <div class="field"><label for={id}>{setting.label}</label>{input}</div>
}

export default function AdminSettings () {
  const remote = useAsync(() => getCustomConfig(), [])
  const [doc, setDoc] = useState<CustomConfig | null>(null)
  const [json, setJson] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => { if (remote.data) setDoc(remote.data) }, [remote.data])
  useEffect(() => { if (doc) setJson(JSON.stringify(doc, null, 2)) }, [doc])

  const save = async (next: CustomConfig) => {
    setError(null)
    setSaved(false)
    try {
      const reply = await updateCustomConfig(next)
      setDoc(reply && typeof reply === 'object' ? reply : next)
      setSaved(true)
      void loadConfig()
    } catch (err) {
      setError(err)
    }
  }

  const saveJson = () => {
    try {
      void save(JSON.parse(json) as CustomConfig)
    } catch {
      setError(new Error('The JSON document is not valid.'))
    }
  }

  return (
    <AdminLayout adminOnly>
      <h1>Settings</h1>
      {isNotFound(remote.error)
        ? <p class="notice" data-testid="admin-settings-unavailable">This server does not offer its configuration for editing.</p>
        : <ErrorAlert error={remote.error} />}
      {doc && (
        <form class="narrow" data-testid="admin-settings-form" onSubmit={e => { e.preventDefault(); void save(doc) }}>
          {SETTINGS.filter(s => getPath(doc, s.path) !== undefined).map(s => (
            <SettingInput key={s.path} setting={s} value={getPath(doc, s.path)} onChange={v => setDoc(setPath(doc, s.path, v))} />
          ))}
          <p class="actions">
            <button type="submit" class="primary" data-testid="admin-settings-save">Save</button>
            {saved && <span class="success" role="status" data-testid="admin-settings-saved">Saved.</span>}
          </p>
          <ErrorAlert error={error} testId="admin-settings-error" />
          <details>
            <summary>Advanced: the whole document (JSON)</summary>
            <textarea aria-label="Configuration JSON" class="code" rows={20} value={json} onInput={e => setJson((e.currentTarget as HTMLTextAreaElement).value)} />
            <button type="button" onClick={saveJson}>Save JSON</button>
          </details>
        </form>
      )}
    </AdminLayout>
  )
}
