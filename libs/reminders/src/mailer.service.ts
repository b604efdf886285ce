import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/config';
import { remembered } from './reminder-rules';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A stalled server gives up well within the sending lease (SENDING_LEASE_MS, 5 minutes), so a row
 * is never released to another worker while its message may still be on its way. nodemailer's own
 * default is 10 minutes of silence. SMTP_URL's query string can still set these.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** Sends over SMTP when SMTP_URL is set; otherwise the delivery service stores mail in the outbox. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: nodemailer.Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport({ url: config.smtpUrl, ...SMTP_TIMEOUTS }) : null;
  }

  get usesSmtp(): boolean {
    return this.transport !== null;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('No SMTP server is configured (SMTP_URL)');
    await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** The server refused the message itself (5xx): trying again will not help. */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * A Message-ID derived from the reminder: if an ambiguous failure (sent, but not recorded) makes
 * us send again, mail systems see the same message and can drop the copy.
 */
export function reminderMessageId(reminderId: string, publicUrl: string): string {
  return `<reminder-${reminderId}@${hostOf(publicUrl)}>`;
}

// The one public address of a process, parsed for every message otherwise.
const hosts = new Map<string, string>();
const hostOf = (publicUrl: string) => remembered(hosts, publicUrl, () => new URL(publicUrl).hostname);
