import { AppConfig } from '@app/config';
import { Mailer, SMTP_TIMEOUTS } from './mailer.service';

const transportOptions = (smtpUrl: string) =>
  (new Mailer({ smtpUrl, mailFrom: 'x@y.test' } as AppConfig)['transport'] as unknown as { options: Record<string, unknown> }).options;

describe('Mailer', () => {
  it('gives up on a silent SMTP server well inside the 5-minute sending lease', () => {
    const options = transportOptions('smtp://mail.council.test:2525');
    expect(options).toMatchObject({ host: 'mail.council.test', port: 2525, ...SMTP_TIMEOUTS });
    expect(SMTP_TIMEOUTS.socketTimeout).toBeLessThan((5 * 60_000) / 2);
  });

  it('lets SMTP_URL set its own timeouts and pooling', () => {
    expect(transportOptions('smtp://mail.council.test:25?pool=true&socketTimeout=90000')).toMatchObject({ pool: true, socketTimeout: 90000 });
  });
});
