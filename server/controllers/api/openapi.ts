import { WEBSERVER } from '../../initializers/config/index.js'
import { SERVER_VERSION } from '../../initializers/constants/server.js'
import { ApiRouter } from '../shared/api-router.js'
import { buildOpenApiDocument } from '../shared/openapi.js'

export const openApiRouter = new ApiRouter('/api/v1')

openApiRouter.get('/openapi.json', {
  operationId: 'getOpenApi',
  summary: 'This API\'s OpenAPI description, generated from the schemas that validate it',
  tags: [ 'Config' ],
  auth: 'none'
}, (_ctx, _req, res) => {
  res.json(buildOpenApiDocument({ title: 'Tubeless REST API', version: SERVER_VERSION, serverUrl: WEBSERVER.URL }))
})
