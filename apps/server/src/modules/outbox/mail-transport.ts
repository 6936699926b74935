import nodemailer from "nodemailer";

export type MailAttachment = { filename: string; contentType: string; content: string };

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
};

/** What the outbox worker needs from an e-mail channel. */
export type MailTransport = { send: (m: MailMessage) => Promise<void>; close: () => void };

/** SMTP through nodemailer, from a URL like smtp://user:pass@host:587. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    send: async (m) => {
      await transporter.sendMail(m);
    },
    close: () => transporter.close(),
  };
}
