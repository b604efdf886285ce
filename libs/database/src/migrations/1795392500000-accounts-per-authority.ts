import { SqlMigration } from './sql-migration';

/**
 * Accounts belong to their people, places to their councils: a membership can be stopped on its own
 * (an admin of one council stops access there, not everywhere), and an address that already has an
 * account is invited rather than silently joined.
 */
export class AccountsPerAuthority1795392500000 extends SqlMigration {
  readonly name = 'AccountsPerAuthority1795392500000';
  protected readonly steps = { postgres: { up: POSTGRES_UP, down: POSTGRES_DOWN }, sqlite: { up: SQLITE_UP, down: SQLITE_DOWN } };
}

const POSTGRES_UP = [
  'ALTER TABLE "membership" ADD "active" boolean NOT NULL DEFAULT true',
  'CREATE TABLE "invitation" ("id" character varying(36) NOT NULL, "authorityId" character varying(36) NOT NULL, "email" character varying(254) NOT NULL, "roles" text NOT NULL, "managerId" character varying(36), "organisationId" character varying(36), "invitedById" character varying(36) NOT NULL, "createdAt" character varying(30) NOT NULL, "expiresAt" character varying(30) NOT NULL, "acceptedAt" character varying(30), "revokedAt" character varying(30), CONSTRAINT "PK_beb994737756c0f18a1c1f8669c" PRIMARY KEY ("id"))',
  'CREATE INDEX "ix_invitation_email" ON "invitation" ("email")',
  'CREATE INDEX "ix_invitation_authority" ON "invitation" ("authorityId", "createdAt")',
];

const POSTGRES_DOWN = [
  'DROP INDEX "public"."ix_invitation_authority"',
  'DROP INDEX "public"."ix_invitation_email"',
  'DROP TABLE "invitation"',
  'ALTER TABLE "membership" DROP COLUMN "active"',
];

const SQLITE_UP = [
  'ALTER TABLE "membership" ADD COLUMN "active" boolean NOT NULL DEFAULT (1)',
  'CREATE TABLE "invitation" ("id" varchar(36) PRIMARY KEY NOT NULL, "authorityId" varchar(36) NOT NULL, "email" varchar(254) NOT NULL, "roles" text NOT NULL, "managerId" varchar(36), "organisationId" varchar(36), "invitedById" varchar(36) NOT NULL, "createdAt" varchar(30) NOT NULL, "expiresAt" varchar(30) NOT NULL, "acceptedAt" varchar(30), "revokedAt" varchar(30))',
  'CREATE INDEX "ix_invitation_email" ON "invitation" ("email")',
  'CREATE INDEX "ix_invitation_authority" ON "invitation" ("authorityId", "createdAt")',
];

const SQLITE_DOWN = [
  'DROP INDEX "ix_invitation_authority"',
  'DROP INDEX "ix_invitation_email"',
  'DROP TABLE "invitation"',
  'ALTER TABLE "membership" DROP COLUMN "active"',
];
