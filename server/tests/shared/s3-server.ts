import { mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fromRoot } from '../../helpers/project-root.js'
import { TEST_SLOT } from './test-services.js'

const require = createRequire(import.meta.url)
// s3rver is CommonJS.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run (): Promise<unknown>, close (): Promise<void> }

export const S3_BUCKETS = [ 'web-videos', 'streaming-playlists', 'original-video-files', 'torrents', 'thumbnails', 'avatars' ]

/** A real S3 server (s3rver) on loopback, one per test file, with our buckets. */
export class TestS3Server {
  readonly port = 9000 + 100 * TEST_SLOT + 60
  readonly directory = fromRoot(TEST_SLOT === 0 ? 'storage/s3rver' : `storage/slot-${TEST_SLOT}/s3rver`)
  private server?: { close (): Promise<void> }

  get endpoint () {
    return `http://127.0.0.1:${this.port}`
  }

  async start (options: { fresh?: boolean } = {}) {
    if (options.fresh !== false) rmSync(this.directory, { recursive: true, force: true })
    mkdirSync(this.directory, { recursive: true })
    const server = new S3rver({ port: this.port, address: '127.0.0.1', directory: this.directory, silent: true, configureBuckets: S3_BUCKETS.map(name => ({ name })) })
    await server.run()
    this.server = server
  }

  async stop () {
    await this.server?.close()
    this.server = undefined
  }

  /** Where s3rver keeps an object's bytes (to damage one, as a failing disk would). */
  objectPath (bucket: string, key: string) {
    return `${this.directory}/${bucket}/${key}._S3rver_object`
  }

  /** The `object_storage` section of an instance using this server (`prefix` keeps instances apart). */
  config (prefix: string, overrides: Record<string, unknown> = {}) {
    const bucket = (name: string) => ({ bucket_name: name, prefix, base_url: '' })
    return {
      enabled: true,
      endpoint: this.endpoint,
      region: 'us-east-1',
      force_path_style: true,
      credentials: { access_key_id: 'S3RVER', secret_access_key: 'S3RVER' },
      web_videos: bucket('web-videos'),
      streaming_playlists: bucket('streaming-playlists'),
      original_video_files: bucket('original-video-files'),
      torrents: bucket('torrents'),
      thumbnails: bucket('thumbnails'),
      avatars: bucket('avatars'),
      ...overrides
    }
  }
}
