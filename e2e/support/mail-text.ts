/** The text of a mail body sent as quoted-printable (nodemailer's choice for non-ASCII text). */
export function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    const m = /^=([0-9A-F]{2})/.exec(soft.slice(i, i + 3));
    if (m !== null) {
      bytes.push(parseInt(m[1] as string, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
