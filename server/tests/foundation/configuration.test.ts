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
