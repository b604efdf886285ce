import { Actor } from '@app/core';

/** The command line acts as an admin of the authority; the audit trail records it as "cli". */
export const cliActor = (authorityId: string): Actor => ({ userId: 'cli', authorityId, roles: ['admin'] });
