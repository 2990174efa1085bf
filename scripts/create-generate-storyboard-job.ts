/**
 * `npm run create-generate-storyboard-job [-- --video <uuid>]` (PeerTube's command): records a storyboard job for
 * every local video that has none (videos transcoded before storyboards existed), or for the one given (which is
 * then made again). Jobs go to the database's outbox: the running instance picks them up within seconds, or at its
 * next start. Running it twice records nothing twice (one unfinished job per video).
 */
async function main () {
  const args = process.argv.slice(2)
  const index = args.indexOf('--video')
  const only = index === -1 ? undefined : args[index + 1]
  if (index !== -1 && !only) {
    process.stderr.write('Usage: npm run create-generate-storyboard-job [-- --video <uuid>]\n')
    process.exit(2)
  }

  const { CONFIG } = await import('../server/initializers/config/index.js')
  if (!CONFIG.storyboards.enabled) {
    process.stderr.write('storyboards.enabled is false: enable storyboards first\n')
    process.exit(1)
  }
  const { initDatabase, closeDatabase } = await import('../server/initializers/database.js')
  const { unitOfWork } = await import('../server/lib/unit-of-work/unit-of-work.js')
  const { scheduleStoryboard } = await import('../server/lib/storyboards/generate-storyboard.js')
  const { STORYBOARD } = await import('../server/lib/storyboards/storyboard-layout.js')
  const { listVideosWithoutStoryboard } = await import('../server/models/video/queries/storyboard-queries.js')

  try {
    await initDatabase()
    const videos = await listVideosWithoutStoryboard(STORYBOARD.MIN_DURATION_SECONDS, only)
    for (const video of videos) await unitOfWork(() => scheduleStoryboard(video))
    process.stdout.write(`${videos.length} storyboard job(s) recorded\n`)
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    process.exitCode = 1
  } finally {
    await closeDatabase()
  }
  process.exit()
}

void main()
