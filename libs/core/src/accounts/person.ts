import { Membership, User } from '@app/database/entities';
import { Actor, Role } from '../request-context';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  managerId?: string | null;
  organisationId?: string | null;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  managerId?: string | null;
  organisationId?: string | null;
  active?: boolean;
  password?: string;
}

export interface PersonView {
  id: string;
  email: string;
  displayName: string;
  /** Can they sign in to this authority: their account and their membership here are both active. */
  active: boolean;
  roles: Role[];
  managerId: string | null;
  organisationId: string | null;
}

/** What an admin is told when the address already has an account: nothing about that account. */
export interface InvitationReceipt {
  invited: true;
  invitationId: string;
  email: string;
  status: 'pending';
  expiresAt: string;
}

/** An actor that may be signed in through a session they should keep when changing themselves. */
export type ActingSession = Actor & { sessionId?: string };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const toPersonView = (user: User, membership: Membership): PersonView => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  active: user.active && membership.active,
  roles: membership.roles,
  managerId: membership.managerId,
  organisationId: membership.organisationId,
});
