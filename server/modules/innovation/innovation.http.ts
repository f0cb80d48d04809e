import type { FastifyReply } from 'fastify';

/** Sends an .xlsx download with a UTF-8 file name. */
export function sendXlsx(reply: FastifyReply, buffer: Buffer, filename: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(buffer);
}
