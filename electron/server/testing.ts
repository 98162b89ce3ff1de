/** For tests of the office server and the desktop's link to it: a self-signed certificate made by openssl. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface TestCertificate {
  key: string;
  cert: string;
  /** Its SHA-256 fingerprint as openssl prints it (`AB:CD:…`). */
  fingerprint: string;
}

/** A self-signed certificate for 127.0.0.1 in `dir` (key.pem, cert.pem), valid two days. */
export function selfSignedCertificate(dir: string): TestCertificate {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=tsp-office', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const printed = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', cert], { encoding: 'utf8' });
  return { key, cert, fingerprint: /Fingerprint=([0-9A-F:]+)/.exec(printed)![1]! };
}
