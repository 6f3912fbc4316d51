// A real SMTP server on loopback for the tests (npm smtp-server), keeping what arrives,
// parsed with mailparser.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  port: number;
  mails: ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtp(port: number, onMail?: (mail: ParsedMail) => void | Promise<void>): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          mails.push(mail);
          await onMail?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
