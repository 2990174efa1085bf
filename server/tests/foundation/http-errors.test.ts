import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'

describe('HTTP errors are application/problem+json', function () {
  const instance = new TestInstance(1)

  before(async function () {
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
  })

  it('names the offending query field on a bad query', async function () {
    const res = await instance.api()
      .get('/api/v1/jobs/failed?count=abc')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .expect(400)

    expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(res.body).to.include({ status: 400, title: 'Bad Request', type: 'about:blank' })
    expect(res.body.detail).to.equal('Incorrect request parameters: count')
    expect(res.body['invalid-params'].count).to.deep.include({ type: 'field', value: 'abc', path: 'count', location: 'query' })
    expect(res.body['invalid-params'].count.msg).to.match(/count/)
  })

  it('refuses a count above 100, as PeerTube does', async function () {
    const res = await instance.api()
      .get('/api/v1/jobs?count=101')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .expect(400)
    expect(res.body['invalid-params']).to.have.keys('count')
  })

  it('answers 404 problem JSON, never HTML, for an unknown API route', async function () {
    const res = await instance.api().get('/api/v1/does-not-exist').expect(404)

    expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(res.body).to.include({ status: 404, code: 'unknown_route', instance: '/api/v1/does-not-exist' })
  })

  it('answers 400 problem JSON for a malformed JSON body', async function () {
    const res = await instance.api()
      .post('/api/v1/jobs/pause')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .set('Content-Type', 'application/json')
      .send('{"not json')
      .expect(400)
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
  })

  it('answers 401 with a code when the token is missing or wrong', async function () {
    const missing = await instance.api().get('/api/v1/jobs').expect(401)
    expect(missing.body.code).to.equal('invalid_token')

    const wrong = await instance.api().get('/api/v1/jobs').set('Authorization', 'Bearer nope').expect(401)
    expect(wrong.body.code).to.equal('invalid_token')
  })

  it('describes its routes in an OpenAPI document generated from the validation schemas', async function () {
    const res = await instance.api().get('/api/v1/openapi.json').expect(200)

    expect(res.body.openapi).to.equal('3.1.0')
    const getJobs = res.body.paths['/api/v1/jobs/{state}'].get
    expect(getJobs.operationId).to.equal('getJobs')
    const count = getJobs.parameters.find((p: { name: string }) => p.name === 'count')
    expect(count.schema.maximum).to.equal(100)
  })
})
