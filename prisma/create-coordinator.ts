/**
 * Creates the first coordinator of a real (non-demo) installation and prints a one-time
 * password for them to sign in with. Usage:
 *   npm run create-coordinator -- someone@example.org "Full Name"
 */
import crypto from 'node:crypto';
import { db } from '~/lib/db.server';
import { hashPassword } from '~/lib/password.server';
import { emailField } from '~/lib/validation';

const [emailArg, ...nameParts] = process.argv.slice(2);
const email = emailField.safeParse(emailArg ?? '');
const name = nameParts.join(' ').trim();
if (!email.success || !name) {
  console.error('Usage: npm run create-coordinator -- <email> "<full name>"');
  process.exit(1);
}
if (await db.user.findUnique({ where: { email: email.data } })) {
  console.error(`A user with the email ${email.data} already exists.`);
  process.exit(1);
}
const password = crypto.randomBytes(18).toString('base64url');
await db.user.create({
  data: { email: email.data, name, role: 'COORDINATOR', passwordHash: await hashPassword(password) },
});
await db.$disconnect();
console.log(`Coordinator ${email.data} created. One-time password (change it after signing in):\n${password}`);
