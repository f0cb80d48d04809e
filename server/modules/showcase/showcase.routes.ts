import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf } from '../../../common/schemas/shared.js';
import {
  plaqueSheetQuery,
  publicFilters,
  publicHome,
  publicNaming,
  publicNotice,
  publicResult,
  publicResultCard,
  publicResultQuery,
  publicStudio,
  showcaseListQuery,
  showcaseResultSettings,
  showcaseResultUpdate,
  showcaseStudioSettings,
  showcaseStudioUpdate,
} from '../../../common/schemas/showcase.js';
import type { Deps } from '../../core/context.js';
import { plaqueContents, renderPlaqueSheet, renderPlaques } from './showcase.plaque.js';
import * as service from './showcase.service.js';
import * as settings from './showcase.settings.js';

const indexHtml = () =>
  path.join(
    process.env.WEB_DIST
      ? path.resolve(process.env.WEB_DIST)
      : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist'),
    'index.html',
  );
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The public showcase (no login, under /api/public/showcase) and its settings for admins and leaders:
 * publishing studios and results, and printing QR plaques.
 */
export function showcaseRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['showcase'];
  const pub = { access: 'public' } as const;

  r.get('/api/public/showcase', { config: pub, schema: { tags, response: { 200: publicHome } } }, () =>
    service.getPublicHome(deps),
  );
  r.get(
    '/api/public/showcase/studios/:id',
    { config: pub, schema: { tags, params: idParams, response: { 200: publicStudio } } },
    (req) => service.getPublicStudio(deps, req.params.id),
  );
  r.get(
    '/api/public/showcase/results',
    {
      config: pub,
      schema: { tags, querystring: publicResultQuery, response: { 200: pageOf(publicResultCard) } },
    },
    (req) => service.findPublicResults(deps, req.query),
  );
  r.get(
    '/api/public/showcase/results/:id',
    { config: pub, schema: { tags, params: idParams, response: { 200: publicResult } } },
    (req) => service.getPublicResult(deps, req.params.id),
  );
  r.get(
    '/api/public/showcase/namings',
    { config: pub, schema: { tags, response: { 200: z.array(publicNaming) } } },
    () => service.findPublicNamings(deps),
  );
  r.get(
    '/api/public/showcase/notices',
    { config: pub, schema: { tags, response: { 200: z.array(publicNotice) } } },
    () => service.findPublicNotices(deps),
  );
  r.get(
    '/api/public/showcase/filters',
    { config: pub, schema: { tags, response: { 200: publicFilters } } },
    () => service.publicFilters(deps),
  );
  r.get(
    '/api/public/showcase/photos/:id',
    { config: pub, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { info, path } = await service.getPublicPhoto(deps, req.params.id);
      return reply
        .header('content-type', info.mime)
        .header('content-length', String(info.size))
        .header('content-disposition', 'inline')
        .send(fs.createReadStream(path));
    },
  );

  // A shared link (or a scanned plaque) to a studio gets its name and story in <title> and the meta tags
  // before any script runs: link previews in chat apps read only the HTML.
  if (fs.existsSync(indexHtml()))
    app.get<{ Params: { id: string } }>('/showcase/studios/:id', async (req, reply) => {
      let html = fs.readFileSync(indexHtml(), 'utf8');
      const id = Number(req.params.id);
      const s =
        Number.isInteger(id) && id > 0 ? await service.getPublicStudio(deps, id).catch(() => null) : null;
      if (s) {
        const title = escapeHtml(`${s.name} · 匠心 · 创新工作室风采`);
        const desc = escapeHtml(
          (s.story ?? s.intro ?? s.slogan ?? `${s.name}（${s.hostOrgName}）`).slice(0, 150),
        );
        html = html
          .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
          .replace(
            /<meta name="description" content="[^"]*"\s*\/?>/,
            `<meta name="description" content="${desc}" />`,
          )
          .replace(
            '</head>',
            `<meta property="og:title" content="${title}" /><meta property="og:description" content="${desc}" /></head>`,
          );
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    });

  const manage = { access: 'studios.manage' } as const;
  r.get(
    '/api/showcase/studios',
    {
      config: manage,
      schema: { tags, querystring: showcaseListQuery, response: { 200: pageOf(showcaseStudioSettings) } },
    },
    (req) => settings.findStudioSettings({ ctx: req.ctx(), query: req.query }),
  );
  r.get(
    '/api/showcase/studios/:id',
    { config: manage, schema: { tags, params: idParams, response: { 200: showcaseStudioSettings } } },
    (req) => settings.getStudioSettings({ ctx: req.ctx(), id: req.params.id }),
  );
  r.put(
    '/api/showcase/studios/:id',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: showcaseStudioUpdate,
        response: { 200: showcaseStudioSettings },
      },
    },
    (req) => settings.updateStudioSettings({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  r.get(
    '/api/showcase/results',
    {
      config: manage,
      schema: { tags, querystring: showcaseListQuery, response: { 200: pageOf(showcaseResultSettings) } },
    },
    (req) => settings.findResultSettings({ ctx: req.ctx(), query: req.query }),
  );
  r.put(
    '/api/showcase/results/:id',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        body: showcaseResultUpdate,
        response: { 200: showcaseResultSettings },
      },
    },
    (req) => settings.updateResultSettings({ ctx: req.ctx(), id: req.params.id, input: req.body }),
  );
  const pdf = (name: string) => `inline; filename="plaque.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`;
  r.get(
    '/api/showcase/plaques/:id',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) => {
      const list = await plaqueContents({ ctx: req.ctx(), ids: [req.params.id] });
      const body = await renderPlaques(list);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', pdf(`${list[0]!.studioName}_牌匾.pdf`))
        .send(body);
    },
  );
  r.get(
    '/api/showcase/plaques',
    { config: manage, schema: { tags, querystring: plaqueSheetQuery } },
    async (req, reply) => {
      const list = await plaqueContents({ ctx: req.ctx(), ids: req.query.ids });
      const body = await renderPlaqueSheet(list);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', pdf('工作室二维码牌.pdf'))
        .send(body);
    },
  );
}
