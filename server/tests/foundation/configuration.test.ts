import { spawn } from 'node:child_process'
import { expect } from 'chai'
import { fromRoot } from '../../helpers/project-root.js'

function startWithConfig (config: unknown) {
  return new Promise<{ code: number | null, stderr: string }>(resolve => {
    const child = spawn(process.execPath, [ fromRoot('dist', 'server.js') ], {
      env: { ...process.env, NODE_ENV: 'test', NODE_APP_INSTANCE: '1', NODE_CONFIG: JSON.stringify(config) },
      stdio: [ 'ignore', 'pipe', 'pipe' ]
    })
    let stderr = ''
    child.stderr.on('data', chunk => { stderr += chunk.toString() })
    child.once('exit', code => resolve({ code, stderr }))
  })
}

describe('Configuration', function () {
  it('refuses to start on a wrong value, with one line naming the key and what is expected', async function () {
    const { code, stderr } = await startWithConfig({ listen: { port: 'http' } })

    expect(code).to.equal(1)
    const lines = stderr.trim().split('\n')
    expect(lines).to.have.length(1)
    expect(lines[0]).to.match(/^Invalid configuration/)
    expect(lines[0]).to.include('listen.port')
    expect(lines[0]).to.include('expected number')
  })

  it('refuses an unknown key, naming it', async function () {
    const { code, stderr } = await startWithConfig({ database: { hostnme: 'db.example' } })

    expect(code).to.equal(1)
    expect(stderr).to.include('unknown key database.hostnme')
  })

  it('refuses an unreadable duration', async function () {
    const { code, stderr } = await startWithConfig({ oauth2: { token_lifetime: { access_token: 'soon' } } })

    expect(code).to.equal(1)
    expect(stderr).to.include('oauth2.token_lifetime.access_token')
    expect(stderr).to.include('duration')
  })
})

describe('Configuration files', function () {
  it('ships a production example that passes validation', async function () {
    const { readFileSync } = await import('node:fs')
    const yaml = await import('js-yaml')
    const { configSchema } = await import('../../initializers/config/schema.js')

    const load = (file: string) => yaml.load(readFileSync(fromRoot('config', file), 'utf8')) as Record<string, unknown>
    const merged = deepMerge(load('default.yaml'), load('production.yaml.example'))
    const result = configSchema.safeParse(merged)

    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues)).to.equal(true)
  })
})

function deepMerge (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [ key, value ] of Object.entries(b)) {
    const existing = out[key]
    const bothObjects = [ existing, value ].every(v => typeof v === 'object' && v !== null && !Array.isArray(v))
    out[key] = bothObjects ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>) : value
  }
  return out
}
