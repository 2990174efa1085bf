// /my-account/blocklist — accounts and servers I muted: their videos are hidden from me everywhere.
import { BlocklistManager } from '../components/moderation/BlocklistManager.js'

export default function MyBlocklistPage () {
  return (
    <section class="narrow" data-testid="my-blocklist-page">
      <h1>Muted accounts and servers</h1>
      <p class="muted">What you mute is hidden from you only: lists, search and account pages.</p>
      <h2>Accounts</h2>
      <BlocklistManager scope="me" kind="accounts" />
      <h2>Servers</h2>
      <BlocklistManager scope="me" kind="servers" />
    </section>
  )
}
