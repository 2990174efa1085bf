import { BenchDataset } from './bench-dataset.js'
const d = new BenchDataset()
await d.services.start()
if (process.argv[2] === 'instance') await d.instance.start({ config: { log: { level: process.argv[3] ?? 'warn' } }, nodeArgs: process.env.INSTANCE_NODE_ARGS ? process.env.INSTANCE_NODE_ARGS.split(' ') : [], onOutput: t => process.stdout.write(t) })
console.log('up', JSON.stringify(d.connection()), d.instance.url, d.instance.pid)
process.on('SIGTERM', () => { void d.stop().then(() => process.exit(0)) })
setInterval(() => undefined, 1e9)
