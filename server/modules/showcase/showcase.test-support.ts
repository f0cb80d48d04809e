import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';

/** Decodes every QR code drawn in a PDF: its images are extracted (pdfimages, as PNM) and read with jsQR. */
export function decodeQrImages(pdf: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-plaque-'));
  fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
  execFileSync('pdfimages', [path.join(dir, 'p.pdf'), path.join(dir, 'img')]);
  const out: string[] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => /\.(ppm|pgm)$/.test(n))
    .sort()) {
    // P6 (RGB) or P5 (grey): "P6\n<w> <h>\n255\n" then the pixels
    const buf = fs.readFileSync(path.join(dir, f));
    const m = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.toString('latin1', 0, 40));
    if (!m) continue;
    const [channels, wd, ht] = [m[1] === '6' ? 3 : 1, Number(m[2]), Number(m[3])];
    const px = buf.subarray(m[0].length);
    const rgba = new Uint8ClampedArray(wd * ht * 4);
    for (let i = 0; i < wd * ht; i++) {
      const at = i * channels;
      const step = channels === 3 ? 1 : 0;
      rgba.set([px[at]!, px[at + step]!, px[at + 2 * step]!, 255], i * 4);
    }
    const code = jsQR(rgba, wd, ht);
    if (code && !out.includes(code.data)) out.push(code.data);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

/** The text of a PDF (pdftotext from poppler-utils). */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-pdf-'));
  fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
  const text = execFileSync('pdftotext', [path.join(dir, 'p.pdf'), '-']).toString();
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}
