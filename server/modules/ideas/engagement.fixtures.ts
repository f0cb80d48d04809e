// Test fixtures for the engagement modules: studios with members, a settable clock, and a real local
// SMTP server (smtp-server) that keeps what it receives, decoded.
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { people } from '../people/people.table.js';
import { studioMembers, studios } from '../studios/studios.table.js';

/** A studio hosted at `hostOrgId` with a leader (and members) as active memberships. */
export async function seedStudio(
  db: Db,
  v: {
    code: string;
    name: string;
    hostOrgId: number;
    leaderPersonId: number;
    memberPersonIds?: number[];
    field?: string;
  },
) {
  const [studio] = await db
    .insert(studios)
    .values({
      code: v.code,
      name: v.name,
      type: 'modelWorker',
      hostOrgId: v.hostOrgId,
      leaderPersonId: v.leaderPersonId,
      field: v.field ?? '焊接',
      status: 'named',
      foundedOn: '2019-03-01',
    })
    .returning();
  await db.insert(studioMembers).values([
    { studioId: studio!.id, personId: v.leaderPersonId, role: 'leader', joinedOn: '2019-03-01' },
    ...(v.memberPersonIds ?? []).map((personId) => ({
      studioId: studio!.id,
      personId,
      role: 'member',
      joinedOn: '2019-03-01',
    })),
  ]);
  return studio!;
}

export async function setEmail(db: Db, personId: number, email: string) {
  await db.update(people).set({ email }).where(eq(people.id, personId));
}

/** A clock tests can move. */
export function settableClock(
  start: string | Date = new Date(),
): Clock & { set(at: string | Date): void; advanceDays(d: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = new Date(at).getTime();
    },
    advanceDays: (d) => {
      t += d * 86_400_000;
    },
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** Decodes a single-part message as nodemailer writes it (headers with encoded words; base64 or quoted-printable body). */
export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const cte = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  let text: string;
  if (cte === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable')
    text = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  else text = body;
  return {
    from: envelope.from,
    to: envelope.to,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: text.replace(/\r\n/g, '\n'),
  };
}

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtpSink() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(
          parseMail(Buffer.concat(chunks).toString('utf8'), {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          }),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    /** Waits until a mail matching `pred` arrives (polling; mail may be sent after a response). */
    async waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs = 5000): Promise<ReceivedMail> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const m = mails.find(pred);
        if (m) return m;
        if (Date.now() > until)
          throw new Error(`no matching mail; got: ${mails.map((x) => x.subject).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
