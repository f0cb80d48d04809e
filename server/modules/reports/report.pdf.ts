import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../core/errors.js';
import type { ReportModel } from './report.model.js';

/** CJK fonts found on Debian (fonts-wqy-microhei, fonts-noto-cjk); `CJK_FONT` overrides. TTC files need the face name. */
const candidates: { file: string; face?: string }[] = [
  { file: process.env.CJK_FONT ?? '' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
];

/** The first CJK font present, or reports.font_missing: a PDF without one would draw nothing. */
export function cjkFont(): { file: string; face?: string } {
  const f = candidates.find((c) => c.file && fs.existsSync(c.file));
  if (!f) throw new AppError('reports.font_missing', 500);
  return f;
}

/** Renders the report as a PDF (A4) with a CJK font: the same text and tables as the Word document. */
export function renderPdf(model: ReportModel): Promise<Buffer> {
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: model.title, Creator: 'Jiangxin' },
  });
  doc.registerFont('cjk', font.file, font.face);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  doc.fontSize(18).text(model.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor('#666').text(model.subtitle, { align: 'center' }).fillColor('#000');
  for (const s of model.sections) {
    doc.moveDown(1).fontSize(14).text(s.heading);
    doc.moveDown(0.4).fontSize(11);
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') doc.text(b.text, { indent: 22, lineGap: 4 }).moveDown(0.4);
      else if (b.kind === 'bullets') for (const item of b.items) doc.text(`• ${item}`, { lineGap: 3 });
      else {
        doc.moveDown(0.5).fontSize(11).text(b.caption, { align: 'center' }).moveDown(0.3).fontSize(10);
        const colW = width / b.headers.length;
        const row = (cells: string[]) => {
          if (doc.y > doc.page.height - 90) doc.addPage();
          const y = doc.y;
          let h = 0;
          cells.forEach((c, i) => {
            doc.text(c, 56 + i * colW + 3, y + 3, { width: colW - 6, align: i === 0 ? 'left' : 'right' });
            h = Math.max(h, doc.y - y + 3);
          });
          for (let i = 0; i < cells.length; i++) doc.rect(56 + i * colW, y, colW, h).stroke('#999');
          doc.x = 56;
          doc.y = y + h;
        };
        row(b.headers);
        for (const r of b.rows) row(r);
        doc.moveDown(0.5);
      }
    }
  }
  doc.end();
  return done;
}
