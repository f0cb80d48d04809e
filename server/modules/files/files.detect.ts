import zlib from 'node:zlib';
import type { AllowedMime } from '../../../common/schemas/files.js';

/**
 * File type detection from the bytes (never from the name). Only the types in `allowedFileTypes` are
 * recognised; anything else — executables, scripts, HTML, macro-enabled Office files, other zips and
 * OLE files — yields null.
 */
export function detectFileType(buf: Buffer): AllowedMime | null {
  if (starts(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(buf, 0, 5) === '%PDF-') return 'application/pdf';
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) return detectOoxml(buf);
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return detectOle(buf);
  return null;
}

function starts(buf: Buffer, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}
function ascii(buf: Buffer, offset: number, len: number): string {
  return buf.length >= offset + len ? buf.toString('latin1', offset, offset + len) : '';
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Reads a zip's central directory; null when the structure is broken. */
export function zipEntries(buf: Buffer): ZipEntry[] | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const total = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < total; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > buf.length) return null;
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function readZipEntry(buf: Buffer, e: ZipEntry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return data;
    if (e.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 4 * 1024 * 1024 });
  } catch {
    return null;
  }
  return null;
}

const ooxml: { dir: string; main: string; mime: AllowedMime }[] = [
  {
    dir: 'word/',
    main: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  {
    dir: 'xl/',
    main: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    dir: 'ppt/',
    main: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
];

/**
 * A zip is an Office document when it has [Content_Types].xml declaring the main part of a docx, xlsx or
 * pptx and the matching word/, xl/ or ppt/ entries. Macro-enabled variants declare another main type
 * and are refused.
 */
function detectOoxml(buf: Buffer): AllowedMime | null {
  const entries = zipEntries(buf);
  if (!entries) return null;
  const ct = entries.find((e) => e.name === '[Content_Types].xml');
  if (!ct) return null;
  const xml = readZipEntry(buf, ct)?.toString('utf8');
  if (!xml) return null;
  for (const kind of ooxml) {
    if (xml.includes(`"${kind.main}"`) && entries.some((e) => e.name.startsWith(kind.dir))) return kind.mime;
  }
  return null;
}

/**
 * An OLE compound file is a legacy .doc when it holds a `WordDocument` stream and an .xls when it holds
 * `Workbook` (or `Book`). Directory entries are 128 bytes each and sectors are aligned to 512 bytes, so
 * every entry sits at a 128-byte boundary: scanning those finds the stream names without walking the FAT.
 */
function detectOle(buf: Buffer): AllowedMime | null {
  const names = new Set<string>();
  for (let p = 512; p + 128 <= buf.length; p += 128) {
    const nameLen = buf.readUInt16LE(p + 64);
    const type = buf[p + 66];
    if (type !== 2 || nameLen < 4 || nameLen > 64 || nameLen % 2 !== 0) continue;
    names.add(buf.toString('utf16le', p, p + nameLen - 2));
  }
  if (names.has('WordDocument')) return 'application/msword';
  if (names.has('Workbook') || names.has('Book')) return 'application/vnd.ms-excel';
  return null;
}
