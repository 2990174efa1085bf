// /c/:handle (channel) and /a/:name (account): profile header and paginated videos.
import { getAccount, getChannel, listAccountChannels, listAccountVideos, listChannelVideos } from '../api/channels.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { VideoGrid, accountPath, channelPath } from '../components/VideoCard.js'
import { formatCount } from '../lib/format.js'
import { nsfwListParam } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { useLocation } from '../router.js'
import { AccountModerationActions } from '../components/moderation/AccountModerationActions.js'
import { CatalogueSyncStatus } from '../components/CatalogueSyncStatus.js'
import { PlaylistGrid } from '../components/PlaylistCard.js'
import { SubscribeButton } from '../components/SubscribeButton.js'
import { listChannelPlaylists } from '../api/playlists.js'

const PAGE_SIZE = 24

export function ChannelPage ({ handle }: { handle: string }) {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const channel = useAsync(() => getChannel(handle), [handle])
  const videos = useAsync(() => listChannelVideos(handle, { start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-publishedAt', nsfw: nsfwListParam() }), [handle, page])
  const playlists = useAsync(() => listChannelPlaylists(handle), [handle])

  if (channel.error) return <ErrorAlert error={channel.error} />
  const c = channel.data
  return (
    <section data-testid="channel-page">
      {c && (
        <header class="profile">
          <h1 data-testid="channel-name">{c.displayName}</h1>
          <p class="muted">{c.name}@{c.host} · {formatCount(c.followersCount, 'follower')}
            {c.ownerAccount && <> · by <a href={accountPath(c.ownerAccount)}>{c.ownerAccount.displayName}</a></>}
          </p>
          {c.ownerAccount && <AccountModerationActions account={c.ownerAccount} />}
          <Markdown source={c.description} />
          <SubscribeButton handle={handle} />
          <CatalogueSyncStatus handle={handle} />
        </header>
      )}
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty="This channel has no videos yet." />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}
      {playlists.data && playlists.data.total > 0 && (
        <section data-testid="channel-playlists">
          <h2>Playlists</h2>
          <PlaylistGrid playlists={playlists.data.data} />
        </section>
      )}
    </section>
  )
}

export function AccountPage ({ name }: { name: string }) {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const account = useAsync(() => getAccount(name), [name])
  const channels = useAsync(() => listAccountChannels(name), [name])
  const videos = useAsync(() => listAccountVideos(name, { start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-publishedAt', nsfw: nsfwListParam() }), [name, page])

  if (account.error) return <ErrorAlert error={account.error} />
  const a = account.data
  return (
    <section data-testid="account-page">
      {a && (
        <header class="profile">
          <h1 data-testid="account-name">{a.displayName}</h1>
          <p class="muted">{a.name}@{a.host} · {formatCount(a.followersCount, 'follower')}</p>
          <AccountModerationActions account={a} />
          <Markdown source={a.description} />
        </header>
      )}
      {channels.data && channels.data.data.length > 0 && (
        <nav aria-label="Channels" class="chips">
          {channels.data.data.map(ch => <a key={ch.id} class="chip" href={channelPath(ch)}>{ch.displayName}</a>)}
        </nav>
      )}
      <ErrorAlert error={videos.error} />
      {videos.data && <VideoGrid videos={videos.data.data} empty="This account has no videos yet." />}
      {videos.data && <Pagination total={videos.data.total} page={page} pageSize={PAGE_SIZE} />}
    </section>
  )
}

export default ChannelPage
