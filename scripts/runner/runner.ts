/**
 * `npm run runner -- --url https://instance.example --token <registration or runner token>`: a remote runner of
 * our own, speaking PeerTube 6.3's runner protocol (see README.md beside this file).
 */
import { hostname } from 'node:os'
import { parseArgs } from 'node:util'
import { startRunner } from './runner-loop.js'

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    'state-file': { type: 'string' },
    'work-dir': { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    'poll-interval': { type: 'string', default: '10' },
    'progress-interval': { type: 'string', default: '10' },
    preset: { type: 'string', default: 'veryfast' },
    threads: { type: 'string', default: '0' },
    'job-types': { type: 'string' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help || !values.url || !values.token) {
  process.stdout.write(`Usage: npm run runner -- --url <instance URL> --token <token> [options]

  --token              a registration token (ptrrt-..., from the admin page: the runner registers and keeps its
                       runner token in --state-file) or a runner token (ptrt-...)
  --name               runner name on the instance (default: this host's name)
  --description        shown on the admin page
  --state-file         where the runner token is kept (default: ./tubeless-runner-<name>.json)
  --work-dir           downloads and outputs (default: the system's temporary folder)
  --concurrency        jobs at once (default 1)
  --poll-interval      seconds between job requests when no notice came over the socket (default 10)
  --progress-interval  seconds between progress reports (default 10; the instance requeues a VOD job after 2 min)
  --preset             x264 preset of the 'default' profile (default veryfast)
  --threads            ffmpeg threads, 0 = automatic
  --job-types          comma-separated job types to take (default: all four)
`)
  process.exit(values.help ? 0 : 2)
}

const name = values.name ?? hostname()
startRunner({
  url: values.url.replace(/\/+$/, ''),
  token: values.token,
  name,
  description: values.description,
  stateFile: values['state-file'] ?? `tubeless-runner-${name.replace(/[^a-zA-Z0-9_.-]/g, '_')}.json`,
  workDir: values['work-dir'],
  concurrency: Math.max(1, Number(values.concurrency)),
  pollIntervalMs: Math.max(0.2, Number(values['poll-interval'])) * 1000,
  progressIntervalMs: Math.max(0.2, Number(values['progress-interval'])) * 1000,
  preset: values.preset as 'veryfast',
  threads: Math.max(0, Number(values.threads)),
  jobTypes: values['job-types']?.split(',').map(t => t.trim()).filter(Boolean)
}).catch(err => {
  process.stderr.write(`runner: ${(err as Error).message}\n`)
  process.exit(1)
})
