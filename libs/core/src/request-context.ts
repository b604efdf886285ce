/** Who is acting, in which authority. Every service call that reads or writes tenant data takes one. */
export interface Actor {
  userId: string;
  authorityId: string;
  roles: Role[];
  ip?: string | null;
}

export const ROLES = ['admin', 'board_chair', 'board_member', 'manager', 'commissioner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may create and change plans and actions (owners may also update their own actions). */
export const EDITOR_ROLES: Role[] = ['admin', 'board_chair', 'board_member', 'manager'];

export const hasRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));
