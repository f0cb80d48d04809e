import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  account,
  grantCreate,
  loginBody,
  me,
  passwordChange,
  passwordReset,
  prefsUpdate,
  userCreate,
  userUpdate,
} from '../../../common/schemas/auth.js';
import { id, idParams, okResponse } from '../../../common/schemas/shared.js';
import { SESSION_COOKIE } from '../../core/auth.js';
import type { Deps } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { createRateLimiter } from '../../core/rate-limit.js';
import * as service from './accounts.service.js';

export function accountsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  // 10 attempts per minute per address and per username, on top of the per-account lock-out. Counted in
  // the database, so the limit holds across every server process.
  const limiter = createRateLimiter({
    name: 'login',
    max: 10,
    windowMs: 60_000,
    db: deps.db,
    clock: deps.clock,
  });
  const addressLimiter = createRateLimiter({
    name: 'login',
    max: deps.config.loginLimitPerAddress,
    windowMs: 60_000,
    db: deps.db,
    clock: deps.clock,
  });
  const setCookie = (reply: FastifyReply, token: string, expiresAt: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      expires: new Date(expiresAt),
    });

  r.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags, body: loginBody, response: { 200: me } } },
    async (req, reply) => {
      if (
        !(await addressLimiter.hit(`ip:${req.ip}`)) ||
        !(await limiter.hit(`user:${req.body.username.toLowerCase()}`))
      )
        throw new AppError('request.rate_limited', 429);
      const {
        token,
        expiresAt,
        me: body,
      } = await service.login({
        deps,
        username: req.body.username,
        password: req.body.password,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
        previousSessionId: req.sessionId,
      });
      setCookie(reply, token, expiresAt);
      return body;
    },
  );
  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: okResponse } } },
    async (req, reply) => {
      await service.logout({ ctx: req.ctx(), sessionId: req.sessionId! });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  r.post(
    '/api/auth/logout-all',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: okResponse } } },
    async (req, reply) => {
      await service.logoutEverywhere({ ctx: req.ctx() });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  r.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: me } } },
    (req) => service.getMe({ ctx: req.ctx(), csrfToken: req.csrfToken! }),
  );
  r.post(
    '/api/auth/password',
    { config: { access: 'authenticated' }, schema: { tags, body: passwordChange, response: { 200: me } } },
    async (req, reply) => {
      await service.changePassword({ ctx: req.ctx(), ...req.body });
      const s = await service.startSession({
        deps,
        userId: req.actor!.userId,
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setCookie(reply, s.token, s.expiresAt);
      return s.me;
    },
  );
  r.patch(
    '/api/auth/prefs',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: prefsUpdate, response: { 200: okResponse } },
    },
    async (req) => {
      await service.setLocale({ ctx: req.ctx(), locale: req.body.locale });
      return { ok: true as const };
    },
  );

  const utags = ['users'];
  r.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: utags, body: userCreate, response: { 201: account } },
    },
    async (req, reply) => reply.code(201).send(await service.createAccount({ ctx: req.ctx(), ...req.body })),
  );
  r.get(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: utags, params: idParams, response: { 200: account } },
    },
    (req) => service.getAccount({ ctx: req.ctx(), userId: req.params.id }),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags: utags, params: idParams, body: userUpdate, response: { 200: account } },
    },
    (req) => service.setDisabled({ ctx: req.ctx(), userId: req.params.id, disabled: req.body.disabled }),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access: 'users.manage' },
      schema: { tags: utags, params: idParams, body: passwordReset, response: { 200: okResponse } },
    },
    async (req) => {
      await service.resetPassword({
        ctx: req.ctx(),
        userId: req.params.id,
        newPassword: req.body.newPassword,
      });
      return { ok: true as const };
    },
  );
  r.post(
    '/api/users/:id/grants',
    {
      config: { access: 'roles.grant' },
      schema: {
        tags: utags,
        params: idParams,
        body: grantCreate.omit({ userId: true }),
        response: { 200: account },
      },
    },
    (req) => service.grantRole({ ctx: req.ctx(), userId: req.params.id, ...req.body }),
  );
  r.delete(
    '/api/users/:id/grants/:grantId',
    {
      config: { access: 'roles.grant' },
      schema: { tags: utags, params: z.object({ id, grantId: id }), response: { 200: account } },
    },
    (req) => service.revokeRole({ ctx: req.ctx(), userId: req.params.id, grantId: req.params.grantId }),
  );
}
