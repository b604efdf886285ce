// An SMTP server inside the test that can hold back its reply to DATA, so a sender is caught mid-send.
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface Held {
  sessionId: string;
  mail: ParsedMail;
  acknowledge: () => void;
}

/**
 * Receives and parses every message. A message counts as delivered only once the server has
 * acknowledged it (the 250 reply to DATA), as with a real mail server: while `holding`, replies wait
 * for `release()`, and a message whose sender hangs up before its reply is dropped, never delivered.
 */
export class HoldingSmtpSink {
  /** Messages the server acknowledged, in order. */
  readonly delivered: ParsedMail[] = [];
  /** Messages received in full whose sender went away before they were acknowledged. */
  readonly dropped: ParsedMail[] = [];
  holding = false;
  private held: Held[] = [];
  private server: SMTPServer | null = null;

  async start(): Promise<number> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream).then((mail) => this.received(session.id, mail, () => callback()), callback);
      },
      onClose: (session) => this.hungUp(session.id),
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as { port: number }).port;
  }

  /** Messages received and still waiting for their reply. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Acknowledges every held message, and stops holding. */
  release(): void {
    this.holding = false;
    for (const h of this.held.splice(0)) h.acknowledge();
  }

  /** How many acknowledged copies of each Message-ID. */
  deliveredCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.delivered) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    this.release();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private received(sessionId: string, mail: ParsedMail, reply: () => void): void {
    const acknowledge = () => {
      this.delivered.push(mail);
      reply();
    };
    if (this.holding) this.held.push({ sessionId, mail, acknowledge });
    else acknowledge();
  }

  private hungUp(sessionId: string): void {
    const gone = this.held.filter((h) => h.sessionId === sessionId);
    this.held = this.held.filter((h) => h.sessionId !== sessionId);
    this.dropped.push(...gone.map((h) => h.mail));
  }
}
