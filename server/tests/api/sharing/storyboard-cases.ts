import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { fromRoot } from '../../../helpers/project-root.js'
import sharp from 'sharp'
import { waitUntil } from '../../shared/wait.js'
import type { SharingContext } from './sharing-context.js'

const STORYBOARD_KEYS = [ 'storyboardPath', 'totalHeight', 'totalWidth', 'spriteHeight', 'spriteWidth', 'spriteDuration' ]

export function storyboardCases (ctx: SharingContext) {
  const uuid = () => ctx.uuids['Root storyboard']
  const storyboards = async (id: string) => (await ctx.instance.api().get(`/api/v1/videos/${id}/storyboards`).expect(200)).body.storyboards
  const storyboardOf = (id: string) => waitUntil(async () => (await storyboards(id))[0], 30_000)

  it('makes a sprite sheet of the video after transcoding, listed as PeerTube\'s Storyboard', async function () {
    const storyboard = await storyboardOf(uuid())
    expect(Object.keys(storyboard)).to.have.members(STORYBOARD_KEYS)
    expect(storyboard.storyboardPath).to.match(/^\/lazy-static\/storyboards\/[0-9a-f-]{36}\.jpg$/)
    // 3 s of 320×240: one 192×144 sprite per second, one row of three (PeerTube's layout).
    expect(storyboard).to.include({ spriteWidth: 192, spriteHeight: 144, spriteDuration: 1, totalWidth: 576, totalHeight: 144 })

    const file = await ctx.instance.api().get(storyboard.storyboardPath).buffer(true).expect(200)
    expect(file.headers['content-type']).to.equal('image/jpeg')
    expect(file.headers['access-control-allow-origin']).to.equal('*')
    const image = sharp(file.body)
    expect(await image.metadata()).to.include({ format: 'jpeg', width: 576, height: 144 })
    // Real frames of a moving test picture: each cell differs from the next.
    const cells = await Promise.all([ 0, 1, 2 ].map(i => sharp(file.body).extract({ left: i * 192, top: 0, width: 192, height: 144 }).raw().toBuffer()))
    expect(Buffer.compare(cells[0], cells[1])).to.not.equal(0)
    expect(Buffer.compare(cells[1], cells[2])).to.not.equal(0)

    expect((await ctx.instance.api().get('/api/v1/config').expect(200)).body.storyboards).to.deep.equal({ enabled: true })
  })

  it('makes none for a video shorter than 3 s (as PeerTube); 404 for an unknown video, 401 for a private one', async function () {
    expect(await storyboards(ctx.uuids['Root public'])).to.deep.equal([])
    const unknown = await ctx.instance.api().get('/api/v1/videos/00000000-0000-4000-8000-000000000000/storyboards').expect(404)
    expect(unknown.headers['content-type']).to.match(/^application\/problem\+json/)
    await ctx.instance.api().get(`/api/v1/videos/${ctx.uuids['Root private']}/storyboards`).expect(401)
  })

  it('federates it as the Video object\'s preview, as PeerTube does', async function () {
    const storyboard = await storyboardOf(uuid())
    const object = (await ctx.instance.api().get(`/videos/watch/${uuid()}`).set('Accept', 'application/activity+json').expect(200)).body
    expect(object.preview).to.deep.equal([ {
      type: 'Image',
      rel: [ 'storyboard' ],
      url: [ {
        mediaType: 'image/jpeg',
        href: ctx.instance.url + storyboard.storyboardPath,
        width: 576,
        height: 144,
        tileWidth: 192,
        tileHeight: 144,
        tileDuration: 'PT1S'
      } ]
    } ])
  })

  it('is made again by `npm run create-generate-storyboard-job` (for videos made before storyboards), the old sheet removed', async function () {
    const script = (...args: string[]) => promisify(execFile)(process.execPath, [ fromRoot('dist', 'scripts', 'create-generate-storyboard-job.js'), ...args ],
      { env: ctx.instance.toolEnvironment(), cwd: fromRoot() })
    // Every video of 3 s or more already has one.
    expect((await script()).stdout).to.equal('0 storyboard job(s) recorded\n')

    const before = await storyboardOf(uuid())
    expect((await script('--video', uuid())).stdout).to.equal('1 storyboard job(s) recorded\n')
    const after = await waitUntil(async () => {
      const [ storyboard ] = await storyboards(uuid())
      return storyboard && storyboard.storyboardPath !== before.storyboardPath ? storyboard : undefined
    }, 60_000)
    expect(after).to.deep.include({ totalWidth: 576, totalHeight: 144 })
    await ctx.instance.api().get(after.storyboardPath).expect(200)
    await waitUntil(async () => (await ctx.instance.api().get(before.storyboardPath)).status === 404)
  })

  it('shows the frame of the hovered moment above the player\'s progress bar', async function () {
    const storyboard = await storyboardOf(uuid())
    const page = await ctx.newPage()
    try {
      await page.goto(`${ctx.instance.url}/w/${uuid()}?mode=http`)
      const bar = page.getByTestId('storyboard-bar')
      await bar.waitFor()
      const box = (await bar.boundingBox())!
      // At 80 % of 3 s (2.4 s): the third sprite.
      await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2)
      const preview = page.getByTestId('storyboard-preview')
      await preview.waitFor()
      expect(await preview.getAttribute('data-sprite-index')).to.equal('2')
      const sprite = await page.evaluate(`(() => {
        const style = getComputedStyle(document.querySelector('.storyboard-sprite'))
        return { image: style.backgroundImage, position: style.backgroundPosition, width: style.width }
      })()`) as { image: string, position: string, width: string }
      expect(sprite.image).to.include(storyboard.storyboardPath)
      expect(sprite.position).to.equal('-384px 0px')
      expect(sprite.width).to.equal('192px')
      expect(await preview.textContent()).to.include('0:02')

      // At 10 %: the first.
      await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2)
      await waitUntil(async () => await preview.getAttribute('data-sprite-index') === '0')
      // A click seeks there (starting the player).
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2)
      await waitUntil(async () => {
        const time = await page.evaluate('document.querySelector("video").currentTime') as number
        return time > 1.2 && time < 2.2
      })
    } finally {
      await page.close()
    }
  })
}

/** Last, since it deletes the video. */
export function storyboardRemovalCases (ctx: SharingContext) {
  it('removes the sprite sheet with the video', async function () {
    const uuid = ctx.uuids['Root storyboard']
    const [ storyboard ] = (await ctx.instance.api().get(`/api/v1/videos/${uuid}/storyboards`).expect(200)).body.storyboards
    await ctx.instance.api().get(storyboard.storyboardPath).expect(200)
    await ctx.instance.api().delete(`/api/v1/videos/${uuid}`).set('Authorization', `Bearer ${ctx.instance.accessToken}`).expect(204)
    await waitUntil(async () => (await ctx.instance.api().get(storyboard.storyboardPath)).status === 404)
  })
}
