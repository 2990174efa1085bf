// A list of muted accounts or servers with a form to add one: mine (My account) or the instance's (moderation).
import { useState } from 'preact/hooks'
import {
  blockAccount, blockServer, listAccountBlocks, listServerBlocks, unblockAccount, unblockServer, type BlocklistScope
} from '../../api/moderation.js'
import { formatDate } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { accountPath } from '../VideoCard.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf } from '../FormField.js'

export function BlocklistManager ({ scope, kind }: { scope: BlocklistScope; kind: 'accounts' | 'servers' }) {
  const list = useAsync(async () => {
    if (kind === 'accounts') {
      const { total, data } = await listAccountBlocks(scope, { count: 100 })
      return { total, rows: data.map(b => ({ key: `${b.blockedAccount.name}@${b.blockedAccount.host}`, label: b.blockedAccount.displayName, href: accountPath(b.blockedAccount), since: b.createdAt })) }
    }
    const { total, data } = await listServerBlocks(scope, { count: 100 })
    return { total, rows: data.map(b => ({ key: b.blockedServer.host, label: b.blockedServer.host, href: undefined, since: b.createdAt })) }
  }, [scope, kind])
  const [value, setValue] = useState('')
  const [error, setError] = useState<unknown>(null)
  const field = kind === 'accounts' ? 'accountName' : 'host'
  const inputId = `mute-${kind}-${scope}`

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      list.reload()
      return true
    } catch (err) {
      setError(err)
      return false
    }
  }
  const add = async (event: Event) => {
    event.preventDefault()
    const target = value.trim().replace(/^@/, '').replace(/^https?:\/\//, '').replace(/\/+$/, '')
    const done = await run(() => (kind === 'accounts' ? blockAccount(scope, target) : blockServer(scope, target)))
    if (done) setValue('')
  }
  const remove = (key: string) => run(() => (kind === 'accounts' ? unblockAccount(scope, key) : unblockServer(scope, key)))

  const fieldError = fieldErrorsOf(error, { [field]: inputId })[inputId]
  return (
    <div data-testid={`blocklist-${kind}`}>
      <form onSubmit={add} noValidate class="narrow">
        <FormField id={inputId} label={kind === 'accounts' ? 'Mute an account (name@host)' : 'Mute a server (host)'} error={fieldError}>
          <input {...fieldAria(inputId, fieldError)} value={value} data-testid="mute-form-input" placeholder={kind === 'accounts' ? 'someone@videos.example' : 'videos.example'}
            onInput={e => setValue((e.currentTarget as HTMLInputElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={!value.trim()} data-testid="mute-form-submit">Mute</button>
      </form>
      {!fieldError && <ErrorAlert error={error} />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.total === 0 && <p class="muted">Nothing muted.</p>}
      <table class="table">
        <tbody>
          {list.data?.rows.map(row => (
            <tr key={row.key} data-testid={kind === 'accounts' ? 'muted-account-row' : 'muted-server-row'} data-handle={row.key}>
              <td>{row.href ? <a href={row.href}>{row.label}</a> : row.label}<br /><span class="muted small">{row.key}</span></td>
              <td>since {formatDate(row.since)}</td>
              <td><button type="button" onClick={() => void remove(row.key)} data-testid="unmute">Unmute</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
