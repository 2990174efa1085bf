import { join } from 'node:path'
import { fromRoot } from '../../../server/helpers/project-root.js'
import { BenchDataset } from './bench-dataset.js'
import { ensureBenchVideoFile } from '../static/bench-video-file.js'
import { benchStaticFiles } from '../static/bench-static-files.js'
const d = new BenchDataset()
try {
  await d.services.start()
  const storage = fromRoot(d.instance.storageFolder)
  const file = await ensureBenchVideoFile(d.connection(), join(storage, 'web-videos'), d.instance.host)
  await d.instance.start()
  console.log(await benchStaticFiles({ instanceUrl: d.instance.url, instancePort: d.instance.port, file, folders: { webVideos: join(storage, 'web-videos'), hls: join(storage, 'streaming-playlists', 'hls') }, workDir: fromRoot('storage', 'slot-62', 'bench-work'), nginxPorts: [ 15281, 15282 ], seconds: 5, log: console.log }))
} finally { await d.stop() }
