import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../browser/shared/browser.js'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

const ONLY_240P = { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }

/** A copy of `clip` whose MP4 container lists these chapters (start second, title), as editors write them. */
async function withChapters (clip: string, output: string, chapters: [ number, string ][]) {
  const metadata = output + '.ffmetadata'
  await writeFile(metadata, ';FFMETADATA1\n' + chapters.map(([ start, title ], i) =>
    `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${start * 1000}\nEND=${(chapters[i + 1]?.[0] ?? start + 1) * 1000}\ntitle=${title}\n`).join(''))
  await promisify(execFile)('ffmpeg', [ '-v', 'error', '-y', '-i', clip, '-i', metadata, '-map', '0', '-map_chapters', '1', '-c', 'copy', output ])
  return output
}

/** One instance and its content, shared by the feed, link preview and caption cases (one start for all). */
export class SharingContext {
  readonly instance = new TestInstance(1)
  dir = ''
  alice!: CreatedUser
  viewer!: CreatedUser
  rootChannelId = 0
  aliceChannelId = 0
  readonly uuids: Record<string, string> = {}
  private browserStarted?: Promise<Browser>

  /** One Chromium for every browser case of the file, started on first use. */
  browser () {
    this.browserStarted ??= launchBrowser()
    return this.browserStarted
  }

  /** A fresh tab (own storage) on the instance. */
  async newPage () {
    return (await (await this.browser()).newContext({ baseURL: this.instance.url })).newPage()
  }

  async setUp () {
    this.dir = await makeTempDir('sharing')
    const clip = await generateClip(join(this.dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2 })
    // Storyboards need 3 s at least (PeerTube's rule).
    const longer = await generateClip(join(this.dir, 'longer.mp4'), { width: 320, height: 240, durationSeconds: 3 })
    const chaptered = await withChapters(clip, join(this.dir, 'chaptered.mp4'), [ [ 0, 'Opening' ], [ 1, 'The rest' ] ])
    await this.instance.flushAndStart({ config: ONLY_240P })
    this.alice = await createUser(this.instance, 'alice')
    this.viewer = await createUser(this.instance, 'viewer')
    this.rootChannelId = await firstChannelId(this.instance)
    this.aliceChannelId = await firstChannelId(this.instance, 'alice')

    const videos: { name: string, file?: string, token: string, channelId: number, extra: Record<string, string | number> }[] = [
      { name: 'Root public', file: chaptered, token: this.instance.accessToken, channelId: this.rootChannelId, extra: { description: 'A **bold** start', category: 15, language: 'fr' } },
      { name: 'Root unlisted', token: this.instance.accessToken, channelId: this.rootChannelId, extra: { privacy: 2 } },
      { name: 'Root private', token: this.instance.accessToken, channelId: this.rootChannelId, extra: { privacy: 3 } },
      { name: 'Alice public', token: this.alice.token, channelId: this.aliceChannelId, extra: {} },
      // Unlisted: out of the feeds and sitemap the other cases count.
      { name: 'Root storyboard', file: longer, token: this.instance.accessToken, channelId: this.rootChannelId, extra: { privacy: 2 } }
    ]
    await Promise.all(videos.map(async video => {
      const res = await uploadVideo(this.instance, video.file ?? clip, { name: video.name, token: video.token, channelId: video.channelId, extra: video.extra })
      expect(res.status, JSON.stringify(res.body)).to.equal(200)
      this.uuids[video.name] = res.body.video.uuid
    }))
    for (const uuid of Object.values(this.uuids)) await waitForLadder(this.instance, uuid, [ 240 ])

    await this.instance.api().post(`/api/v1/videos/${this.uuids['Root public']}/comment-threads`).set(auth(this.alice.token)).send({ text: 'Nice *clip*' }).expect(200)
    await this.instance.api().post('/api/v1/users/me/subscriptions').set(auth(this.viewer.token)).send({ uri: 'alice_channel' }).expect(204)
  }

  async tearDown () {
    if (this.browserStarted) await (await this.browserStarted).close()
    await this.instance.stop()
    await removeDir(this.dir)
  }
}
