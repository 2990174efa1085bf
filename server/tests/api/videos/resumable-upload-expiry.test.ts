import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { scheduleResumableUploadsCleanup } from '../../../lib/uploads/resumable-upload-cleanup.js'
import { RESUMABLE_SESSION_LIFETIME_MS, ResumableUploadStore } from '../../../lib/uploads/resumable-upload-store.js'
import { makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

// The store and its cleanup on a folder of their own: no instance is needed to see what the cleanup removes.
describe('Expired resumable uploads are removed', function () {
  let dir: string
  let store: ResumableUploadStore

  beforeEach(async function () {
    dir = await makeTempDir('resumable-expiry')
    store = new ResumableUploadStore(() => dir)
  })

  afterEach(async function () {
    await removeDir(dir)
  })

  const longAgo = () => new Date(Date.now() - RESUMABLE_SESSION_LIFETIME_MS - 60 * 60 * 1000)

  function newSession () {
    return store.create({ userId: 1, size: 1000, mimeType: 'video/mp4', filename: 'clip.mp4', metadata: { name: 'x', channelId: 1 } })
  }

  /** Makes a session look created long ago (its JSON) and, unless told otherwise, untouched since (its part). */
  async function backdate (id: string, options: { partToo?: boolean } = {}) {
    const sessionPath = join(dir, `${id}.json`)
    const session = JSON.parse(await readFile(sessionPath, 'utf8'))
    await writeFile(sessionPath, JSON.stringify({ ...session, createdAt: longAgo().toISOString() }))
    if (options.partToo !== false) await utimes(store.partPath(id), longAgo(), longAgo())
  }

  async function files () {
    return (await readdir(dir)).sort()
  }

  it('removes, at its first run, a session created and last written more than a day ago, and keeps fresh ones', async function () {
    const old = await newSession()
    const fresh = await newSession()
    await backdate(old.id)

    const { timer, firstRun } = scheduleResumableUploadsCleanup(store)
    clearInterval(timer)
    await firstRun

    expect(await files()).to.deep.equal([ `${fresh.id}.json`, `${fresh.id}.part` ].sort())
    expect(await store.load(old.id)).to.equal(undefined)
    expect(await store.load(fresh.id)).to.not.equal(undefined)
  })

  it('keeps an old session that is still receiving chunks', async function () {
    const active = await newSession()
    await backdate(active.id, { partToo: false })

    expect(await store.removeExpired()).to.deep.equal([])
    expect(await files()).to.deep.equal([ `${active.id}.json`, `${active.id}.part` ].sort())
  })

  it('removes old partial files left without a session, and unreadable old sessions', async function () {
    const orphanId = 'a'.repeat(32)
    await writeFile(join(dir, `${orphanId}.part`), 'partial bytes')
    await utimes(join(dir, `${orphanId}.part`), longAgo(), longAgo())

    const brokenId = 'b'.repeat(32)
    await writeFile(join(dir, `${brokenId}.json`), '{ not json')
    await utimes(join(dir, `${brokenId}.json`), longAgo(), longAgo())

    const recentOrphanId = 'c'.repeat(32)
    await writeFile(join(dir, `${recentOrphanId}.part`), 'a video being created right now')

    expect((await store.removeExpired()).sort()).to.deep.equal([ orphanId, brokenId ])
    expect(await files()).to.deep.equal([ `${recentOrphanId}.part` ])
  })

  it('repeats on a timer that does not keep the process alive', async function () {
    const { timer, firstRun } = scheduleResumableUploadsCleanup(store)
    await firstRun
    expect(timer.hasRef()).to.equal(false)
    clearInterval(timer)
  })
})
