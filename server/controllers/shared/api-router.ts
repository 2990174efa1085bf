import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import type { z } from 'zod'
import type { UserRightType } from '../../../shared/models/users.js'
import { authenticate, ensureRight, type AuthenticatedUser, type AuthMode } from '../../middlewares/auth.js'
import { checkJsonShape } from '../../helpers/json-shape.js'
import { API_INPUT_LIMITS, parsedBodyProblem, shapeProblem } from '../../middlewares/input-guards.js'
import { parseOrThrow } from '../../middlewares/validation/validate.js'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface RouteSpec<A extends AuthMode, P, Q, B> {
  /** PeerTube's operationId where the route is one of theirs: it names the operation in our OpenAPI document. */
  operationId: string
  summary: string
  /** Longer prose for the OpenAPI document (rules a client must know). */
  description?: string
  tags: string[]
  auth: A
  /** Checked after authentication; implies auth 'required'. */
  right?: UserRightType
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
  /** Body described for the documentation when a middleware (multer) parses it. */
  bodyContentType?: 'application/json' | 'multipart/form-data' | 'application/x-www-form-urlencoded'
  /** Runs before validation: rate limiters, multipart parsers. */
  before?: RequestHandler[]
  responses?: Record<number, string>
}

export interface HandlerContext<A extends AuthMode, P, Q, B> {
  params: P
  query: Q
  body: B
  user: A extends 'required' ? AuthenticatedUser : AuthenticatedUser | undefined
}

export type Handler<A extends AuthMode, P, Q, B> =
  (ctx: HandlerContext<A, P, Q, B>, req: Request, res: Response) => Promise<unknown> | unknown

export interface RegisteredRoute {
  method: Method
  path: string
  spec: RouteSpec<AuthMode, unknown, unknown, unknown>
}

/** Every route registered through an ApiRouter, for the OpenAPI document. */
export const REGISTERED_ROUTES: RegisteredRoute[] = []

/**
 * An express router whose routes declare their schemas once: the same declaration validates requests, types the
 * handler's input and describes the route in /api/v1/openapi.json.
 */
export class ApiRouter {
  readonly router = express.Router()

  constructor (private readonly prefix: string) {}

  get<A extends AuthMode, P = unknown, Q = unknown, B = unknown> (path: string, spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
    this.add('get', path, spec, handler)
  }

  post<A extends AuthMode, P = unknown, Q = unknown, B = unknown> (path: string, spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
    this.add('post', path, spec, handler)
  }

  put<A extends AuthMode, P = unknown, Q = unknown, B = unknown> (path: string, spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
    this.add('put', path, spec, handler)
  }

  delete<A extends AuthMode, P = unknown, Q = unknown, B = unknown> (path: string, spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
    this.add('delete', path, spec, handler)
  }

  private add<A extends AuthMode, P, Q, B> (method: Method, path: string, spec: RouteSpec<A, P, Q, B>, handler: Handler<A, P, Q, B>) {
    REGISTERED_ROUTES.push({ method, path: this.prefix + path, spec: spec as RouteSpec<AuthMode, unknown, unknown, unknown> })

    // Authentication runs before `before` middlewares, so nobody uploads a file we would refuse anyway.
    const auth = async (req: Request, res: Response, next: NextFunction) => {
      const mode: AuthMode = spec.right !== undefined ? 'required' : spec.auth
      // The route's template, for the request metrics (a label per route, not per URL).
      res.locals.routeTemplate = this.prefix + path
      const user = await authenticate(req, mode)
      if (spec.right !== undefined && user) ensureRight(user, spec.right)
      res.locals.user = user
      next()
    }

    const run = async (req: Request, res: Response) => {
      const paramsProblem = checkJsonShape(req.params, API_INPUT_LIMITS)
      if (paramsProblem) throw shapeProblem(paramsProblem, 'params')
      const bodyProblem = parsedBodyProblem(req)
      if (bodyProblem) throw shapeProblem(bodyProblem, 'body')
      const ctx = {
        params: spec.params ? parseOrThrow(spec.params, req.params, 'params') : req.params,
        query: spec.query ? parseOrThrow(spec.query, req.query, 'query') : req.query,
        body: spec.body ? parseOrThrow(spec.body, req.body, 'body') : req.body,
        user: res.locals.user
      } as HandlerContext<A, P, Q, B>

      await handler(ctx, req, res)
      if (!res.headersSent) throw new Error(`${method.toUpperCase()} ${this.prefix}${path} sent no response`)
    }

    this.router[method](path, auth, ...(spec.before ?? []), run)
  }
}
