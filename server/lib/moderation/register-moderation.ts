import { registerAbuseFederation } from '../activitypub/abuses/register-abuse-federation.js'
import { getInstanceAccount } from './instance-account.js'

/** At start-up, after the installer: Flags are received, and the instance account is known to list filters. */
export async function registerModeration () {
  await getInstanceAccount()
  registerAbuseFederation()
}
