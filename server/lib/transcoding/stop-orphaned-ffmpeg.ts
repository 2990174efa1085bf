import { loggerWithTags } from '../../helpers/logger.js'
import { findProcesses, stopProcess } from '../../helpers/processes.js'
import { fromRoot } from '../../helpers/project-root.js'
import { CONFIG } from '../../initializers/config/index.js'

const log = loggerWithTags('transcoding')

/**
 * An instance killed while transcoding leaves its ffmpeg running (it is not in our process group's fate): it would
 * keep a core busy and write into folders the resumed job is about to use. At start-up, every ffmpeg whose
 * command line reads or writes inside this instance's storage folders is stopped. Other instances on the machine
 * have other storage folders, so theirs are left alone.
 */
export async function stopOrphanedFfmpeg () {
  const roots = [ CONFIG.storage.tmp, CONFIG.storage.web_videos, CONFIG.storage.streaming_playlists ]
    .map(folder => fromRoot(folder).replace(/\/?$/, '/'))

  const orphans = findProcesses(p => /(^|\/)ffmpeg$/.test(p.command) && p.args.some(arg => roots.some(root => arg.startsWith(root))))
  for (const orphan of orphans) {
    log.warn(`Stopping an ffmpeg left by a previous run (pid ${orphan.pid})`)
    await stopProcess(orphan.pid, 2_000)
  }
  return orphans.length
}
