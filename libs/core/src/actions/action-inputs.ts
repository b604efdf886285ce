import { Rag, Timescale } from '@app/domain';

export interface NewAction {
  title: string;
  description?: string;
  timescale?: Timescale;
  dueDate?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  findingIds?: string[];
}

export interface ActionChanges {
  version: number;
  title?: string;
  description?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  dueDate?: string;
  dueDateReason?: string;
  atRisk?: boolean;
  ragOverride?: Rag | null;
  ragOverrideReason?: string | null;
}
