import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
// Secrets are 256 random bits, so a fast hash is enough: nothing to brute-force.
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const SESSION_PREFIX = 'its_';
export const API_TOKEN_PREFIX = 'itk_';
