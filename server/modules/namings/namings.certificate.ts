import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { AppError } from '../../core/errors.js';

/** A CJK font on disk; `family` names the face inside a .ttc collection. */
interface FontChoice {
  file: string;
  family?: string;
}

const knownFonts: FontChoice[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];
const ttcFamilies = [
  'WenQuanYiMicroHei',
  'WenQuanYiZenHei',
  'NotoSansCJKsc-Regular',
  'NotoSerifCJKsc-Regular',
  'SourceHanSansSC-Regular',
  'SourceHanSerifSC-Regular',
];
const cjkName = /(wqy|noto.*cjk|sourcehan|droidsansfallback|simsun|simhei|msyh|uming|ukai)/i;

function scan(dir: string, out: string[], depth = 0) {
  if (depth > 5) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) scan(p, out, depth + 1);
    else if (/\.(ttf|otf|ttc)$/i.test(e.name) && cjkName.test(e.name)) out.push(p);
  }
}

/** Whether pdfkit can draw Chinese with this font (it throws for a wrong face name in a collection). */
function usable(choice: FontChoice): boolean {
  if (!fs.existsSync(choice.file)) return false;
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('probe', choice.file, choice.family as string);
    doc.font('probe');
    return doc.widthOfString('荣誉证书') > 0;
  } catch {
    return false;
  }
}

let found: FontChoice | null | undefined;

/**
 * Finds a real CJK font: JX_CJK_FONT (a .ttf/.otf path, or `file.ttc#FaceName`), the Debian
 * fonts-wqy-microhei / fonts-noto-cjk files, or any CJK-named font under /usr/share/fonts.
 */
export function findCjkFont(): FontChoice | null {
  if (found !== undefined) return found;
  const env = process.env.JX_CJK_FONT;
  const candidates: FontChoice[] = [];
  if (env) {
    const [file, family] = env.split('#');
    candidates.push({ file: file!, family });
  }
  candidates.push(...knownFonts);
  const scanned: string[] = [];
  scan('/usr/share/fonts', scanned);
  for (const file of scanned) {
    if (/\.ttc$/i.test(file)) for (const family of ttcFamilies) candidates.push({ file, family });
    else candidates.push({ file });
  }
  found = candidates.find(usable) ?? null;
  return found;
}

export interface CertificateContent {
  studioName: string;
  levelLabel: string;
  typeLabel: string;
  namingBody: string;
  namedOn: string;
  plaqueNo: string | null;
}

const chineseDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/**
 * Draws the honour certificate (荣誉证书) as an A4 landscape PDF in a real Chinese font.
 * Throws namings.font_missing (500) when the server has none.
 */
export function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const font = findCjkFont();
  if (!font) throw new AppError('namings.font_missing', 500);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: {
      Title: `${c.studioName} 荣誉证书`,
      Author: c.namingBody,
      Subject: `${c.levelLabel}${c.typeLabel}`,
    },
  });
  doc.registerFont('cjk', font.file, font.family as string);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width;
  const H = doc.page.height;
  const red = '#b3261e';
  const gold = '#c9a227';
  doc.rect(0, 0, W, H).fill('#fffaf0');
  doc
    .lineWidth(10)
    .strokeColor(red)
    .rect(24, 24, W - 48, H - 48)
    .stroke();
  doc
    .lineWidth(2)
    .strokeColor(gold)
    .rect(42, 42, W - 84, H - 84)
    .stroke();

  doc
    .font('cjk')
    .fillColor(red)
    .fontSize(54)
    .text('荣誉证书', 0, 90, { width: W, align: 'center', characterSpacing: 16 });
  const left = 110;
  const width = W - 2 * left;
  doc.fillColor('#222').fontSize(24).text(`${c.studioName}：`, left, 200, { width });
  doc
    .fontSize(22)
    .text(`经评审认定，被命名为「${c.levelLabel} ${c.typeLabel}」。`, left + 48, 260, { width: width - 48 })
    .moveDown(0.6)
    .text('特发此证，以资鼓励。', { width: width - 48 });

  doc.fontSize(20).text(c.namingBody, left, 420, { width, align: 'right' });
  doc.text(chineseDate(c.namedOn), left, 456, { width, align: 'right' });
  if (c.plaqueNo) doc.fontSize(14).fillColor('#555').text(`牌匾编号：${c.plaqueNo}`, left, 500, { width });
  doc.end();
  return done;
}
