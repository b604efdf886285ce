/** A column's PostgreSQL array type for bulk inserts through unnest(); SQLite needs none. */
type PgArrayType = 'text' | 'int' | 'bool';

export interface TableShape {
  name: string;
  columns: [string, PgArrayType][];
}

const t = (name: string, spec: string): TableShape => ({
  name,
  columns: spec.split(' ').map((c) => {
    const [col, type] = c.split(':');
    return [col, (type ?? 'text') as PgArrayType];
  }),
});

/** The tables the synthetic data set fills, parents before children, with columns in the order rows are given. */
export const TABLES = {
  authority: t('authority', 'id name slug createdAt'),
  organisation: t('organisation', 'id authorityId name kind createdAt'),
  user: t('app_user', 'id email displayName passwordHash active:bool createdAt'),
  membership: t('membership', 'id authorityId userId roles managerId organisationId createdAt'),
  board: t('board', 'id authorityId name chairId createdAt'),
  boardMember: t('board_member', 'id authorityId boardId userId createdAt'),
  document: t('source_document', 'id authorityId title kind inspectorates inspectionStart inspectionEnd publishedOn contentHash body createdById createdAt'),
  finding: t('finding', 'id authorityId documentId section timescale text ownerOrg lineStart:int lineEnd:int position:int'),
  plan: t(
    'improvement_plan',
    'id authorityId boardId title status startDate immediateWindowDays:int defaultHorizonMonths:int warningWindowDays:int moveOffNonWorkingDays:bool predecessorId version:int createdAt updatedAt',
  ),
  planDocument: t('plan_document', 'id authorityId planId documentId'),
  action: t(
    'action',
    'id authorityId planId ref title description timescale ownerId managerId organisationId dueDate warnFrom status statusReason atRisk:bool ragOverride ragOverrideReason carriedFromId version:int createdAt updatedAt',
  ),
  actionFinding: t('action_finding', 'id authorityId actionId findingId'),
  note: t('progress_note', 'id authorityId actionId authorId body createdAt'),
  evidence: t('evidence', 'id authorityId actionId kind title url note fileName mimeType sizeBytes:int sha256 addedById createdAt'),
  audit: t('audit_event', 'authorityId entityType entityId event actorId subject ip before after at'),
} satisfies Record<string, TableShape>;

export type TableKey = keyof typeof TABLES;
export type Row = (string | number | boolean | null)[];
