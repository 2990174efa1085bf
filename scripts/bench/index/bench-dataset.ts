import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fromRoot } from '../../../server/helpers/project-root.js'
import { InstanceProcess, type InstanceStartOptions } from '../../local-cluster/instance-process.js'
import { SharedServices } from '../../local-cluster/shared-services.js'
import { generateDataset, upgradeKeptDataset } from './generate-dataset.js'

/**
 * A slot of its own (ports 15301..., storage/slot-62/): the dataset stays between runs, out of the tests' way.
 * TUBELESS_BENCH_INDEX_SLOT picks another, so two copies of a dataset can be worked on side by side.
 */
export const INDEX_BENCH_SLOT = Number(process.env.TUBELESS_BENCH_INDEX_SLOT ?? 62)

/** Where the kept dataset's files and reports live. */
export const indexBenchDir = (...parts: string[]) => fromRoot('storage', `slot-${INDEX_BENCH_SLOT}`, ...parts)

/**
 * The benchmark's instance and its database of synthetic videos. The dataset is generated once per size and kept
 * (storage/slot-62/): later runs with the same size reuse it.
 */
export class BenchDataset {
  readonly services = new SharedServices(`slot-${INDEX_BENCH_SLOT}/bench-services`)
  readonly instance = new InstanceProcess(1, this.services, INDEX_BENCH_SLOT)
  private readonly markerFile = indexBenchDir('dataset.json')

  async prepare (videos: number, log: (line: string) => void, startOptions: InstanceStartOptions = {}) {
    await this.services.start()
    if (this.generatedSize() !== videos) {
      log(`generating ${videos.toLocaleString('en')} videos (COPY)`)
      const started = Date.now()
      await this.instance.flush()
      // The instance creates the schema, the root user and the server actor, then steps aside for the load.
      await this.instance.start(startOptions)
      await this.instance.stop()
      await generateDataset(this.connection(), { videos, localHost: this.instance.host, log })
      writeFileSync(this.markerFile, JSON.stringify({ videos, generatedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }))
      log(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s`)
    } else {
      await upgradeKeptDataset(this.connection())
    }
    await this.instance.start(startOptions)
  }

  connection () {
    const overrides = this.services.configOverrides().database
    return { host: overrides.hostname, port: overrides.port, user: overrides.username, database: this.instance.databaseName }
  }

  async stop () {
    await this.instance.stop().catch(() => undefined)
    await this.services.stop().catch(() => undefined)
  }

  private generatedSize () {
    if (!existsSync(this.markerFile)) return undefined
    return (JSON.parse(readFileSync(this.markerFile, 'utf8')) as { videos: number }).videos
  }
}
