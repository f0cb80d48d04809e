import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Reads the one uploaded file of a multipart request into memory (uploads are size-limited by the app). */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ buffer: Buffer; filename: string; mimetype: string }> {
  if (!req.isMultipart())
    throw new AppError('request.invalid', 400, { fields: { file: '请选择要上传的文件' } });
  const part = await req.file();
  if (!part) throw new AppError('request.invalid', 400, { fields: { file: '请选择要上传的文件' } });
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError('files.too_large', 413);
  return { buffer, filename: part.filename, mimetype: part.mimetype };
}

/** An .xlsx is a zip: anything else under that name is refused before parsing. */
export async function readXlsxUpload(req: FastifyRequest): Promise<Buffer> {
  const { buffer } = await readUpload(req);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50)
    throw new AppError('files.type_not_allowed', 400);
  return buffer;
}
