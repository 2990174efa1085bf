import { SharedServices } from '../../lib/local-cluster/shared-services.js'

/** The PostgreSQL and Redis servers of the whole test run (started by the root hooks). */
export const testServices = new SharedServices('test-services')
