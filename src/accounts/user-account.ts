import type { Role } from '../access/roles.ts';

/** A staff account as stored. The TOTP secret is encrypted; the password is a scrypt hash. */
export type UserAccount = {
  username: string;
  role: Role;
  password_hash: string;
  totp_secret: string;
  totp_last_step: number;
  failed_attempts: number;
  locked_until: string | null;
  disabled: boolean;
  created_at: string;
};

/** Failed sign-ins in a row before an account is locked, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;

/** A user name: lower-case letters, digits, `.`, `_`, `-`; 3 to 64 characters. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
