import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail. Passed into buildApp, so tests use a real local SMTP server instead. */
export interface Mailer {
  /** Sends one message; `delivered` is false when mail is only logged (no SMTP server configured). Throws on SMTP errors. */
  send(msg: MailMessage): Promise<{ delivered: boolean }>;
  close(): void;
}

/**
 * SMTP through nodemailer when `smtpUrl` is set (smtp://user:pass@host:port, smtps://… for implicit TLS);
 * otherwise every message is written to `log` and nothing is sent, so a fresh install works without mail.
 */
export function createMailer({
  smtpUrl,
  from,
  log = (line) => console.info(line),
}: {
  smtpUrl: string | undefined;
  from: string;
  log?: (line: string) => void;
}): Mailer {
  if (!smtpUrl) {
    return {
      send: async (msg) => {
        log(`[mail not sent: SMTP_URL unset] to=${msg.to.join(',')} subject=${msg.subject}\n${msg.text}`);
        return { delivered: false };
      },
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (msg) => {
      await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
      return { delivered: true };
    },
    close: () => transport.close(),
  };
}
