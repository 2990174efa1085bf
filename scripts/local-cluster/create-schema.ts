// Creates the schema of this build in an empty database (the one NODE_CONFIG names), with the server's own
// start-up code (the migrator creates it in an empty database), then exits: the template that SharedServices
// copies for every fresh local instance.
import { closeDatabase, initDatabase } from '../../server/initializers/database.js'

try {
  await initDatabase()
  await closeDatabase()
  process.exit(0)
} catch (err) {
  process.stderr.write(`Cannot create the schema: ${(err as Error).stack}\n`)
  process.exit(1)
}
