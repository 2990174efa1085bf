import { createServer, type Server } from 'node:http'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { fromRoot } from '../../../helpers/project-root.js'
import { waitUntil } from '../../shared/wait.js'
import { auth } from '../shared/users.js'
import type { SharingContext } from './sharing-context.js'

/**
 * A page of another site (its own loopback origin) that frames our embed and drives it with PeerTube's own embed
 * API package (@peertube/embed-api, its browser build), recording every event the player sends.
 */
async function startHostSite (embedUrl: string) {
  const library = await readFile(fromRoot('node_modules/@peertube/embed-api/build/player.min.js'), 'utf8')
  const html = `<!doctype html><html><body>
    <iframe id="player" src="${embedUrl}" width="640" height="360" allow="autoplay" sandbox="allow-same-origin allow-scripts allow-popups"></iframe>
    <script src="/player.min.js"></script>
    <script>
      const PeerTubePlayer = window.PeerTubePlayer.PeerTubePlayer || window.PeerTubePlayer
      window.events = []
      window.player = new PeerTubePlayer(document.getElementById('player'))
      for (const name of [ 'play', 'pause', 'playbackStatusUpdate', 'playbackStatusChange', 'resolutionUpdate', 'volumeChange' ]) {
        window.player.addEventListener(name, params => window.events.push({ name, params }))
      }
      window.player.ready.then(() => { window.playerReady = true })
    </script>
  </body></html>`
  const server: Server = createServer((req, res) => {
    if (req.url === '/player.min.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(library)
    if (req.url === '/') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
    res.writeHead(404).end()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise(resolve => server.close(resolve)) }
}

type Event = { name: string, params: any }

export function embedApiCases (ctx: SharingContext) {
  const uuid = () => ctx.uuids['Root storyboard']
  let page: Page
  let host: Awaited<ReturnType<typeof startHostSite>>

  const call = (expression: string) => page.evaluate(`window.player.${expression}`)
  const events = async (name: string) => (await page.evaluate('window.events') as Event[]).filter(e => e.name === name)
  const waitForEvent = (name: string, test: (params: any) => boolean = () => true) =>
    waitUntil(async () => (await events(name)).find(e => test(e.params)), 15_000)

  before(async function () {
    const vtt = join(ctx.dir, 'embed-api.vtt')
    await writeFile(vtt, 'WEBVTT\n\n00:00.000 --> 00:03.000\nBonjour\n')
    await ctx.instance.api().put(`/api/v1/videos/${uuid()}/captions/fr`).set(auth(ctx.instance.accessToken)).attach('captionfile', vtt).expect(204)
    host = await startHostSite(`${ctx.instance.url}/videos/embed/${uuid()}?api=1&mode=http`)
    page = await ctx.newPage()
    await page.goto(host.url)
    await waitUntil(() => page.evaluate('window.playerReady === true') as Promise<boolean>, 15_000)
  })

  after(async function () {
    await page?.close()
    await host?.close()
  })

  it('is ready for the host page, and plays and pauses on its request with status events', async function () {
    expect(await call('isPlaying()')).to.equal(false)
    // Before the start too, as PeerTube's player lists them.
    expect((await call('getResolutions()') as any[]).map(r => [ r.id, r.label, r.active ])).to.deep.equal([ [ -1, 'Auto', true ], [ 240, '240p', false ] ])
    // Chosen before the start: applied once the player has loaded (checked below, with the resolutions).
    await call('setResolution(240)')
    await call('play()')
    await waitForEvent('playbackStatusChange', state => state === 'playing')
    await waitForEvent('playbackStatusUpdate', s => s.playbackState === 'playing' && s.position > 0 && Math.round(s.duration) === 3)
    expect(await call('isPlaying()')).to.equal(true)
    expect((await events('play')).length).to.be.greaterThan(0)

    await call('pause()')
    await waitForEvent('playbackStatusChange', state => state === 'paused')
    expect(await call('isPlaying()')).to.equal(false)
  })

  it('seeks and sets the volume on request', async function () {
    await call('seek(2)')
    expect(await waitUntil(async () => {
      const time = await call('getCurrentTime()') as number
      return Math.abs(time - 2) < 0.3 ? time : undefined
    })).to.be.closeTo(2, 0.3)
    await waitForEvent('playbackStatusUpdate', s => Math.abs(s.position - 2) < 0.3 && s.playbackState === 'paused')

    await call('setVolume(0.25)')
    expect(await call('getVolume()')).to.equal(0.25)
    await waitForEvent('volumeChange', volume => volume === 0.25)
  })

  it('lists the resolutions and switches on request', async function () {
    const resolutions = await call('getResolutions()') as any[]
    expect(resolutions.map(r => [ r.id, r.label, r.active ])).to.deep.equal([ [ -1, 'Auto', false ], [ 240, '240p', true ] ])
    for (const r of resolutions) expect(r).to.have.all.keys('id', 'label', 'height', 'active')

    const updates = (await events('resolutionUpdate')).length
    await call('setResolution(-1)')
    await waitUntil(async () => (await events('resolutionUpdate')).length > updates)
    expect((await call('getResolutions()') as any[]).map(r => r.active)).to.deep.equal([ true, false ])
    await call('setResolution(240)')
    await waitUntil(async () => (await call('getResolutions()') as any[])[1].active === true)
    expect((await call('getResolutions()') as any[])[1]).to.include({ height: 240 })
    const refused = await page.evaluate(`window.player.setResolution(1080).then(() => 'resolved', err => String(err))`)
    expect(refused).to.equal('runtime_error')
  })

  it('lists the captions and shows the one asked for', async function () {
    const [ caption ] = await waitUntil(async () => {
      const list = await call('getCaptions()') as any[]
      return list.length === 1 ? list : undefined
    })
    expect(caption).to.include({ id: 'fr', label: 'French', mode: 'disabled' })
    expect(caption.src).to.match(/\/lazy-static\/video-captions\/[0-9a-f-]{36}-fr\.vtt$/)
    await call(`setCaption('fr')`)
    expect((await call('getCaptions()') as any[])[0].mode).to.equal('showing')
    await call(`setCaption('')`)
    expect((await call('getCaptions()') as any[])[0].mode).to.equal('disabled')
  })

  it('answers an unknown method with an error, and playback rates as PeerTube', async function () {
    expect(await call('getPlaybackRates()')).to.deep.equal([ 0.5, 0.75, 1, 1.25, 1.5, 2 ])
    await call('setPlaybackRate(1.5)')
    expect(await call('getPlaybackRate()')).to.equal(1.5)
    const failed = await page.evaluate(`window.player.setVideoPassword('x').then(() => 'resolved', err => String(err))`)
    expect(failed).to.equal('method_not_found')
  })
}
