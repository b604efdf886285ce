import { ActionStatus, Rag, Timescale } from '@app/domain';

export interface NewAction {
  title: string;
  description?: string;
  timescale?: Timescale;
  dueDate?: string;
  ownerId?: string | null;
  managerId?: string | null;
  organisationId?: string | null;
  findingIds?: string[];
  /** Brought in from a council's existing tracker as recorded there: its due date may be past. */
  recorded?: RecordedState;
  /** The council's own ref for it (a tracker's "2.3"): kept when no action of the plan has it, else the next A number. */
  ref?: string | null;
}

/** The state a council's tracker records for an action it already has (see TrackerImportService). */
export interface RecordedState {
  status: ActionStatus;
  statusReason: string | null;
  atRisk: boolean;
  ragOverride: Rag | null;
  ragOverrideReason: string | null;
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
