import { onCustomConfigChange } from '../server-config/custom-config.js'
import { liveManager } from './live-manager.js'
import { startLiveViewers } from './viewers/live-viewers.js'
import { startRelays } from './relay/relay-manager.js'

/** Start-up of lives: sessions cut by a crash are ended first, then the ingest listens and the counters run. */
export async function startLives () {
  await liveManager.recoverInterruptedSessions()
  await liveManager.applyConfig()
  onCustomConfigChange(() => { void liveManager.applyConfig() })
  startLiveViewers()
  startRelays()
}
