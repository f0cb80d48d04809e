import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  type NamingLevel,
  namingLevelLabels,
  type StudioType,
  studioTypeLabels,
} from '../../../common/enums.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { findCjkFont } from '../namings/namings.certificate.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { studioNamings, studios } from '../studios/studios.table.js';
import { publicStudioIds } from './showcase.repository.js';

export interface PlaqueContent {
  studioId: number;
  studioName: string;
  levelLabel: string;
  typeLabel: string;
  namingBody: string;
  namedOn: string;
  plaqueNo: string | null;
  /** What the QR code encodes: the studio's public showcase page. */
  url: string;
}

/** The public page a plaque's QR code opens: PUBLIC_URL + /showcase/studios/:id. */
export function showcaseStudioUrl(publicUrl: string, studioId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/showcase/studios/${studioId}`;
}

/**
 * What goes on the plaques of `ids`: each studio must be one the actor manages (404/403 as getStudioAccess),
 * hold a current naming (showcase.not_named, 409) and be published on the showcase, so that the QR code
 * lands on a page that exists (showcase.not_published, 409).
 */
export async function plaqueContents({ ctx, ids }: { ctx: Ctx; ids: number[] }): Promise<PlaqueContent[]> {
  for (const id of ids) await getStudioAccess({ ctx, id, need: 'manage' });
  const published = await publicStudioIds({ db: ctx.db, ids });
  const rows = await ctx.db
    .select({ studio: studios, naming: studioNamings })
    .from(studios)
    .leftJoin(
      studioNamings,
      and(
        eq(studioNamings.studioId, studios.id),
        isNull(studioNamings.revokedOn),
        isNull(studioNamings.archivedAt),
      ),
    )
    .where(inArray(studios.id, ids))
    .orderBy(desc(studioNamings.namedOn), desc(studioNamings.id));
  return ids.map((id) => {
    const own = rows.filter((r) => r.studio.id === id);
    // the plaque shows the highest current level (studios.current_level), else the latest naming
    const row = own.find((r) => r.naming?.level === r.studio.currentLevel) ?? own[0]!;
    const naming = row.naming;
    if (!naming || !['named', 'rectifying'].includes(row.studio.status))
      throw new AppError('showcase.not_named', 409, { studio: row.studio.name });
    if (!published.has(id)) throw new AppError('showcase.not_published', 409, { studio: row.studio.name });
    return {
      studioId: id,
      studioName: row.studio.name,
      levelLabel: namingLevelLabels[naming.level as NamingLevel]?.zh ?? naming.level,
      typeLabel: studioTypeLabels[row.studio.type as StudioType]?.zh ?? '',
      namingBody: naming.namingBody,
      namedOn: naming.namedOn,
      plaqueNo: naming.plaqueNo,
      url: showcaseStudioUrl(ctx.config.publicUrl, id),
    };
  });
}

const qrPng = (url: string) =>
  QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });

function newDoc(title: string) {
  const font = findCjkFont();
  if (!font) throw new AppError('namings.font_missing', 500);
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title } });
  doc.registerFont('cjk', font.file, font.family as string);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/** One plaque per A4 page: title, studio name, level, plaque no., naming body and date, and the QR code. */
export async function renderPlaques(list: PlaqueContent[]): Promise<Buffer> {
  const { doc, done } = newDoc(list.length === 1 ? `${list[0]!.studioName} 牌匾` : '工作室牌匾');
  const red = '#b3261e';
  for (const c of list) {
    doc.addPage();
    const W = doc.page.width;
    const H = doc.page.height;
    doc
      .lineWidth(8)
      .strokeColor(red)
      .rect(28, 28, W - 56, H - 56)
      .stroke();
    doc.font('cjk').fillColor(red).fontSize(22).text(c.levelLabel, 0, 90, { width: W, align: 'center' });
    doc.fontSize(34).text(c.typeLabel, 0, 128, { width: W, align: 'center', characterSpacing: 4 });
    doc
      .fillColor('#222')
      .fontSize(26)
      .text(c.studioName, 60, 210, { width: W - 120, align: 'center' });
    doc.fontSize(14).fillColor('#444');
    doc.text(`命名单位：${c.namingBody}`, 60, 300, { width: W - 120, align: 'center' });
    doc.text(`命名时间：${c.namedOn}`, { width: W - 120, align: 'center' });
    doc.text(`牌匾编号：${c.plaqueNo ?? '—'}`, { width: W - 120, align: 'center' });
    const size = 220;
    doc.image(await qrPng(c.url), (W - size) / 2, 420, { width: size });
    doc
      .fontSize(13)
      .fillColor('#222')
      .text('扫码了解工作室', 0, 420 + size + 12, { width: W, align: 'center' });
    doc
      .fontSize(10)
      .fillColor('#555')
      .text(c.url, 40, 420 + size + 34, { width: W - 80, align: 'center' });
    doc.fontSize(10).text('匠心 · 创新工作室展示', 0, H - 70, { width: W, align: 'center' });
  }
  doc.end();
  return done;
}

/** A sheet of QR labels, six per A4 page (2 × 3), for several studios at once. */
export async function renderPlaqueSheet(list: PlaqueContent[]): Promise<Buffer> {
  const { doc, done } = newDoc('工作室二维码牌');
  const cols = 2;
  const rowsPerPage = 3;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const slot = i % (cols * rowsPerPage);
    if (slot === 0) doc.addPage();
    const W = doc.page.width;
    const H = doc.page.height;
    const cw = (W - 60) / cols;
    const ch = (H - 60) / rowsPerPage;
    const x = 30 + (slot % cols) * cw;
    const y = 30 + Math.floor(slot / cols) * ch;
    doc
      .lineWidth(1)
      .strokeColor('#999')
      .dash(4, { space: 3 })
      .rect(x + 4, y + 4, cw - 8, ch - 8)
      .stroke()
      .undash();
    const qr = 130;
    doc.image(await qrPng(c.url), x + (cw - qr) / 2, y + 16, { width: qr });
    doc.font('cjk').fillColor('#222').fontSize(14);
    doc.text(c.studioName, x + 12, y + qr + 24, { width: cw - 24, align: 'center' });
    doc.fontSize(10).fillColor('#444');
    doc.text(`${c.levelLabel}${c.typeLabel}`, { width: cw - 24, align: 'center' });
    doc.text(`牌匾编号：${c.plaqueNo ?? '—'}`, { width: cw - 24, align: 'center' });
    doc
      .fontSize(7)
      .fillColor('#666')
      .text(c.url, { width: cw - 24, align: 'center' });
  }
  doc.end();
  return done;
}
