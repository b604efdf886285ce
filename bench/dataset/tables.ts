/** A column's PostgreSQL array type for bulk inserts through unnest(); SQLite needs none. */
type PgArrayType = 'text' | 'int' | 'bool' | 'float8';

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
  judgement: t('judgement', 'id authorityId documentId area grade:int label scale'),
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
  actionFinding: t('action_finding', 'id authorityId actionId findingId planId section'),
  measure: t('measure', 'id authorityId name unit polarity target:float8 bandLow:float8 bandHigh:float8 tolerance:float8 rollup ownerId createdAt'),
  measureValue: t(
    'measure_value',
    'id authorityId measureId period quarter value:float8 national:float8 comparator:float8 commentary reason supersededValue:float8 enteredById enteredAt replacedAt',
  ),
  actionMeasure: t('action_measure', 'id authorityId actionId measureId planId'),
  meeting: t(
    'meeting',
    'id authorityId boardId planId date startTime durationMinutes:int place status minutesNarrative minutesText minutesApprovedAt minutesApprovedById sequence:int cancelReason createdAt updatedAt',
  ),
  meetingAttendee: t('meeting_attendee', 'id authorityId meetingId userId guestName attendance'),
  agendaItem: t(
    'agenda_item',
    'id authorityId meetingId actionId title section presenterId minutesAllotted:int position:int reasons chairEdited:bool carriedFromId createdAt',
  ),
  meetingDecision: t(
    'meeting_decision',
    'id authorityId meetingId actionId agendaItemId kind comment dueDate ownerId managerId escalateToId decidedById createdAt',
  ),
  review: t('review', 'id authorityId planId quarter status frozen createdById createdAt signedById signedAt'),
  reviewJudgement: t('review_judgement', 'id authorityId reviewId area judgement comment recordedById recordedAt'),
  reviewFollowUp: t('review_follow_up', 'id authorityId reviewId actionId createdAt'),
  note: t('progress_note', 'id authorityId actionId authorId body createdAt'),
  evidence: t('evidence', 'id authorityId actionId kind title url note fileName mimeType sizeBytes:int sha256 addedById createdAt'),
  audit: t('audit_event', 'authorityId entityType entityId event actorId subject ip before after at'),
} satisfies Record<string, TableShape>;

export type TableKey = keyof typeof TABLES;
export type Row = (string | number | boolean | null)[];
