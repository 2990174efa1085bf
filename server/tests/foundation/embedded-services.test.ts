import { execFileSync, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { expect } from 'chai'
import request from 'supertest'
import { fromRoot } from '../../helpers/project-root.js'
import { EmbeddedRedis } from '../../initializers/embedded/redis.js'
import { TEST_SLOT } from '../shared/test-services.js'

function processesUsing (needle: string) {
  return execFileSync('ps', [ '-eo', 'args' ], { encoding: 'utf8' }).split('\n').filter(line => line.includes(needle))
}

describe('Embedded PostgreSQL and Redis (the zero-configuration default)', function () {
  const storage = fromRoot('storage', `test-embedded-${TEST_SLOT}`)
  const port = 9007 + 100 * TEST_SLOT

  before(function () {
    rmSync(storage, { recursive: true, force: true })
  })

  after(function () {
    rmSync(storage, { recursive: true, force: true })
  })

  it('starts its own PostgreSQL cluster and Redis server, serves, and stops them on SIGTERM', async function () {
    const folders = Object.fromEntries(
      [ 'tmp', 'logs', 'web_videos', 'streaming_playlists', 'thumbnails', 'previews', 'torrents', 'avatars', 'captions', 'cache' ]
        .map(key => [ key, `${storage}/${key}/` ])
    )
    const child = spawn(process.execPath, [ fromRoot('dist', 'server.js') ], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NODE_APP_INSTANCE: '7',
        NODE_CONFIG: JSON.stringify({
          listen: { port },
          webserver: { port },
          database: { embedded: true },
          redis: { embedded: true },
          storage: { embedded_services: `${storage}/embedded/`, ...folders }
        })
      },
      stdio: [ 'ignore', 'pipe', 'pipe' ]
    })
    let output = ''
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('tubeless: ready on')) resolve()
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      void exited.then(code => reject(new Error(`exited with ${code}: ${output}`)))
    })

    const dataDir = `${storage}/embedded/postgresql`
    // redis-server shows its socket in its process title; the socket's name derives from the data folder.
    const redisSocket = new EmbeddedRedis({ dataDir: `${storage}/embedded/redis` }).socketPath
    expect(processesUsing(dataDir), 'a postgres process on the instance\'s data folder').to.have.length.greaterThan(0)
    expect(processesUsing(redisSocket), 'the instance\'s own redis-server').to.have.length.greaterThan(0)

    await request(`http://localhost:${port}`).get('/api/v1/ping').expect(200)

    child.kill('SIGTERM')
    expect(await exited).to.equal(0)
    expect(processesUsing(dataDir), 'postgres is stopped with the instance').to.have.length(0)
    expect(processesUsing(redisSocket), 'redis is stopped with the instance').to.have.length(0)
  })
})
