import { describe, expect, it } from 'vitest';
import { detectFileType } from './files.detect.js';
import * as f from './files.fixtures.js';
import { cleanFileName, contentDisposition, storagePath } from './files.service.js';

describe('detectFileType (from the bytes, never the name)', () => {
  it('recognises images and PDF by their signatures', () => {
    expect(detectFileType(f.png)).toBe('image/png');
    expect(detectFileType(f.jpeg)).toBe('image/jpeg');
    expect(detectFileType(f.gif)).toBe('image/gif');
    expect(detectFileType(f.webp)).toBe('image/webp');
    expect(detectFileType(f.pdf)).toBe('application/pdf');
  });

  it('recognises Office Open XML by [Content_Types].xml and its part folders', async () => {
    expect(detectFileType(await f.docx())).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectFileType(await f.xlsx())).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(detectFileType(f.pptx)).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
  });

  it('recognises legacy .doc and .xls by their OLE streams', () => {
    expect(detectFileType(f.ole('WordDocument'))).toBe('application/msword');
    expect(detectFileType(f.ole('Workbook'))).toBe('application/vnd.ms-excel');
  });

  it('refuses everything else', () => {
    for (const b of [
      f.exe,
      f.html,
      f.svg,
      f.docm,
      f.plainZip,
      f.ole('SummaryInformation'),
      Buffer.alloc(0),
      Buffer.from('%PD'),
    ]) {
      expect(detectFileType(b)).toBeNull();
    }
    // a docx whose main part folder is missing, or a truncated zip
    expect(
      detectFileType(
        f.zip({
          '[Content_Types].xml':
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
        }),
      ),
    ).toBeNull();
    expect(detectFileType(f.pptx.subarray(0, f.pptx.length - 30))).toBeNull();
  });
});

describe('file names', () => {
  it('keeps only a harmless display name', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\张三\\工作室制度.docx')).toBe('工作室制度.docx');
    expect(cleanFileName('a\u0000b\u0007.pdf')).toBe('ab.pdf');
    expect(cleanFileName('..')).toBe('file');
    const long = cleanFileName(`${'长'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('encodes names in content-disposition per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('attachment', "工作室 (1)'s.pdf")).toBe(
      `attachment; filename="___ (1)'s.pdf"; filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E5%AE%A4%20%281%29%27s.pdf`,
    );
    expect(contentDisposition('inline', 'a"b\\c.png')).toBe(
      `inline; filename="a_b_c.png"; filename*=UTF-8''a%22b%5Cc.png`,
    );
  });

  it('stores by hash only', () => {
    const sha = 'ab'.repeat(32);
    expect(storagePath('/data', sha)).toBe(`/data/files/ab/${sha}`);
    expect(() => storagePath('/data', '../../etc/passwd')).toThrow();
  });
});
