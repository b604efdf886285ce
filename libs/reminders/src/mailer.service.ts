import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/src';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** Sends over SMTP when SMTP_URL is set; otherwise the delivery service stores mail in the outbox. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: nodemailer.Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
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
  return `<reminder-${reminderId}@${new URL(publicUrl).hostname}>`;
}
