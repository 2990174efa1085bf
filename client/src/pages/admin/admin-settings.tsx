// /admin/settings — the runtime-safe part of /config/custom as a form, the whole document as JSON.
import { useEffect, useState } from 'preact/hooks'
import type { CustomConfig } from '../../../../shared/models/client-server.js'
import { getCustomConfig, updateCustomConfig } from '../../api/server.js'
import { ErrorAlert, isNotFound } from '../../components/ErrorAlert.js'
import { loadConfig } from '../../lib/session.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'
import { t, tOr, type MessageKey } from '../../i18n/i18n.js'
import { UserFacingError } from '../../errors/problem-sentences.js'

interface Setting { path: string; label: MessageKey; choices?: string[] }

/** Only settings the server applies without a restart. Absent paths are simply not shown. */
const SETTINGS: Setting[] = [
  { path: 'instance.name', label: 'admin.settings.name' },
  { path: 'instance.shortDescription', label: 'admin.settings.shortDescription' },
  { path: 'instance.description', label: 'admin.settings.description' },
  { path: 'instance.terms', label: 'admin.settings.terms' },
  { path: 'instance.codeOfConduct', label: 'admin.settings.codeOfConduct' },
  { path: 'instance.moderationInformation', label: 'admin.settings.moderationInformation' },
  { path: 'instance.administrator', label: 'admin.settings.administrator' },
  { path: 'instance.creationReason', label: 'admin.settings.creationReason' },
  { path: 'instance.maintenanceLifetime', label: 'admin.settings.maintenanceLifetime' },
  { path: 'instance.businessModel', label: 'admin.settings.businessModel' },
  { path: 'instance.hardwareInformation', label: 'admin.settings.hardwareInformation' },
  { path: 'instance.defaultNSFWPolicy', label: 'admin.settings.nsfw', choices: ['display', 'blur', 'do_not_list'] },
  { path: 'signup.enabled', label: 'admin.settings.signup' },
  { path: 'signup.requiresApproval', label: 'admin.settings.signupApproval' },
  { path: 'signup.limit', label: 'admin.settings.signupLimit' },
  { path: 'signup.minimumAge', label: 'admin.settings.minimumAge' },
  { path: 'user.videoQuota', label: 'admin.settings.quota' },
  { path: 'user.videoQuotaDaily', label: 'admin.settings.quotaDaily' },
  { path: 'transcoding.enabled', label: 'admin.settings.transcoding' },
  { path: 'transcoding.webVideos.enabled', label: 'admin.settings.webVideos' },
  { path: 'transcoding.hls.enabled', label: 'admin.settings.hls' },
  { path: 'followers.instance.enabled', label: 'admin.settings.followers' },
  { path: 'followers.instance.manualApproval', label: 'admin.settings.manualApproval' },
  { path: 'followings.instance.autoFollowBack.enabled', label: 'admin.settings.autoFollowBack' }
]

/** Long texts (Markdown) get a text area. */
const LONG_TEXTS = [ 'description', 'terms', 'codeOfConduct', 'moderationInformation', 'administrator', 'creationReason', 'maintenanceLifetime', 'businessModel', 'hardwareInformation' ]

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
    return <label class="inline"><input id={id} data-testid={id} type="checkbox" checked={value} onChange={() => onChange(!value)} /> {t(setting.label)}</label>
  }
  const input = setting.choices
    ? <select id={id} data-testid={id} value={String(value)} onChange={e => onChange((e.currentTarget as HTMLSelectElement).value)}>
      {setting.choices.map(c => <option key={c} value={c}>{tOr(`nsfw.${c}`, c)}</option>)}
    </select>
    : typeof value === 'number'
      ? <input id={id} data-testid={id} type="number" value={String(value)} onInput={e => onChange(Number((e.currentTarget as HTMLInputElement).value))} />
      : LONG_TEXTS.includes(setting.path.split('.').pop() ?? '')
        ? <textarea id={id} data-testid={id} rows={4} value={String(value ?? '')} onInput={e => onChange((e.currentTarget as HTMLTextAreaElement).value)} />
        : <input id={id} data-testid={id} value={String(value ?? '')} onInput={e => onChange((e.currentTarget as HTMLInputElement).value)} />
  return <div class="field"><label for={id}>{t(setting.label)}</label>{input}</div>
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
      setError(new UserFacingError(t('admin.settings.badJson')))
    }
  }

  return (
    <AdminLayout adminOnly>
      <h1>{t('menu.adminSettings')}</h1>
      {isNotFound(remote.error)
        ? <p class="notice" data-testid="admin-settings-unavailable">{t('admin.settingsUnavailable')}</p>
        : <ErrorAlert error={remote.error} />}
      {doc && (
        <form class="narrow" data-testid="admin-settings-form" onSubmit={e => { e.preventDefault(); void save(doc) }}>
          {SETTINGS.filter(s => getPath(doc, s.path) !== undefined).map(s => (
            <SettingInput key={s.path} setting={s} value={getPath(doc, s.path)} onChange={v => setDoc(setPath(doc, s.path, v))} />
          ))}
          <p class="actions">
            <button type="submit" class="primary" data-testid="admin-settings-save">{t('common.save')}</button>
            {saved && <span class="success" role="status" data-testid="admin-settings-saved">{t('common.saved')}</span>}
          </p>
          <ErrorAlert error={error} testId="admin-settings-error" />
          <details>
            <summary>{t('admin.settings.advanced')}</summary>
            <textarea aria-label={t('admin.settings.json')} class="code" rows={20} value={json} onInput={e => setJson((e.currentTarget as HTMLTextAreaElement).value)} />
            <button type="button" onClick={saveJson}>{t('admin.settings.saveJson')}</button>
          </details>
        </form>
      )}
    </AdminLayout>
  )
}
