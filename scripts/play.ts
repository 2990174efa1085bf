/**
 * `npm run play`: three local instances that federate with each other, on http://localhost:9001, :9002 and :9003
 * (administrator `root`, passwords test1, test2, test3), each on a fresh database. Ctrl-C stops everything.
 */
import { InstanceProcess } from './local-cluster/instance-process.js'
import { SharedServices } from './local-cluster/shared-services.js'

const COLORS = [ '\x1b[36m', '\x1b[35m', '\x1b[33m' ]
const RESET = '\x1b[0m'

async function main () {
  const count = parseInt(process.env.PLAY_INSTANCES ?? '3', 10)
  const services = new SharedServices('play')
  const instances = Array.from({ length: count }, (_, i) => new InstanceProcess(i + 1, services))

  let stopping = false
  const stopAll = async () => {
    if (stopping) return
    stopping = true
    process.stdout.write('\nStopping the instances and their database...\n')
    await Promise.all(instances.map(i => i.stop()))
    await services.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => { void stopAll() })
  process.on('SIGTERM', () => { void stopAll() })

  process.stdout.write('Starting PostgreSQL and Redis...\n')
  await services.start()

  await Promise.all(instances.map(async (instance, index) => {
    await instance.flush()
    const prefix = `${COLORS[index % COLORS.length]}[${instance.n}]${RESET} `
    await instance.start({
      onOutput: text => {
        for (const line of text.split('\n').filter(Boolean)) process.stdout.write(prefix + line + '\n')
      }
    })
  }))

  process.stdout.write('\nReady:\n')
  for (const instance of instances) {
    process.stdout.write(`  ${instance.url}  (root / ${instance.rootPassword})\n`)
  }
  process.stdout.write('\nCtrl-C stops all of them.\n')
}

main().catch(err => {
  process.stderr.write(`Cannot start the play instances: ${(err as Error).stack}\n`)
  process.exit(1)
})
