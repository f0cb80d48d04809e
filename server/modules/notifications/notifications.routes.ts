import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationPage,
  notificationPrefs,
  notificationPrefsUpdate,
  notificationQuery,
  todoPage,
  todoQuery,
} from '../../../common/schemas/notifications.js';
import { idParams } from '../../../common/schemas/shared.js';
import type { Deps } from '../../core/context.js';
import { deliverImmediate, getMyPrefs, setMyPrefs } from './mail.service.js';
import * as service from './notifications.service.js';
import { findMyTodos } from './todos.service.js';

/**
 * The current user's notifications, to-dos and mail preference. Other modules write notifications with
 * `notify()` and to-dos with `addTodo()`. After every state-changing request, notifications of users who
 * chose immediate mail are sent (after the response, so nobody waits for SMTP).
 */
export function notificationsRoutes(app: FastifyInstance, deps?: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const marked = z.object({ marked: z.number().int() });
  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: notificationQuery, response: { 200: notificationPage } },
    },
    (req) => service.findMyNotifications({ ctx: req.ctx(), query: req.query }),
  );
  r.post(
    '/api/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags, params: idParams, response: { 200: marked } } },
    async (req) => ({
      marked: await service.markNotificationsRead({ ctx: req.ctx(), ids: [req.params.id] }),
    }),
  );
  r.post(
    '/api/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: marked } } },
    async (req) => ({ marked: await service.markNotificationsRead({ ctx: req.ctx() }) }),
  );
  r.get(
    '/api/notifications/prefs',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: notificationPrefs } } },
    (req) => getMyPrefs({ ctx: req.ctx() }),
  );
  r.put(
    '/api/notifications/prefs',
    {
      config: { access: 'authenticated' },
      schema: { tags, body: notificationPrefsUpdate, response: { 200: notificationPrefs } },
    },
    (req) => setMyPrefs({ ctx: req.ctx(), mailMode: req.body.mailMode }),
  );
  r.get(
    '/api/todos',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: todoQuery, response: { 200: todoPage } },
    },
    (req) => findMyTodos({ ctx: req.ctx(), query: req.query }),
  );

  if (deps) {
    app.addHook('onResponse', async (req) => {
      if (req.method === 'GET' || req.method === 'HEAD' || !req.url.startsWith('/api/')) return;
      await deliverImmediate({ deps }).catch((err) => req.log.error({ err }, 'immediate mail failed'));
    });
  }
}
