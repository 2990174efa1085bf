// A runner that does the work and then swaps its output for another video of the same size, frame rate, codecs and
// duration: what a cheating runner would post. Run with `node --import tsx`, same options as scripts/runner.
import { join } from 'node:path'
import { probe } from '../../../../helpers/ffmpeg/probe.js'
import { startRunner } from '../../../../../scripts/runner/runner-loop.js'
import { encodeImpostor } from './runner-fixtures.js'

const [ url, token, name, stateFile, workDir ] = process.argv.slice(2)

void startRunner({
  url, token, name, stateFile, workDir,
  concurrency: 1,
  pollIntervalMs: 1000,
  progressIntervalMs: 1000,
  preset: 'ultrafast',
  threads: 1,
  transformResult: async (files, job) => {
    const real = await probe(files.videoFile)
    const output = job.payload as { output: { resolution: number, fps: number } }
    const impostor = join(workDir, `impostor-${job.uuid}.mp4`)
    await encodeImpostor(real.durationSeconds, impostor, output.output.resolution, output.output.fps, real.video!.displayWidth)
    return { videoFile: impostor }
  }
})
