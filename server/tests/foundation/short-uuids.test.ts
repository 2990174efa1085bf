import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import { createTranslator } from 'short-uuid'
import { toFullUuid, toShortUuid } from '../../helpers/uuid.js'

// PeerTube's short UUIDs are short-uuid's flickrBase58: ours must be the same string for every UUID.
describe('Short UUIDs', function () {
  const reference = createTranslator()

  it('are what short-uuid writes, for random UUIDs and the edge ones', function () {
    const uuids = [
      ...Array.from({ length: 5000 }, () => randomUUID()),
      '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000001', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '0000ffff-0000-4000-8000-000000000000', 'F1E2D3C4-B5A6-4978-8695-A4B3C2D1E0F9'
    ]
    for (const uuid of uuids) {
      expect(toShortUuid(uuid), uuid).to.equal(reference.fromUUID(uuid))
    }
  })

  it('read back as the UUID they came from', function () {
    for (let i = 0; i < 1000; i++) {
      const uuid = randomUUID()
      expect(toFullUuid(toShortUuid(uuid))).to.equal(uuid)
    }
  })
})
