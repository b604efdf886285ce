import { ActionStatus, Rag } from '@app/domain';
import { Role } from '@app/core';

export const STATUS_LABELS: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  verified: 'Verified',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  carried_over: 'Carried over',
};

export const RAG_LABELS: Record<Rag, string> = { blue: 'Blue', red: 'Red', amber: 'Amber', green: 'Green' };

/** GOV.UK tag colours for each RAG rating and status. */
export const RAG_TAG_CLASSES: Record<Rag, string> = {
  blue: 'govuk-tag--blue',
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
};

export const STATUS_TAG_CLASSES: Record<ActionStatus, string> = {
  not_started: 'govuk-tag--grey',
  in_progress: 'govuk-tag--light-blue',
  completed: 'govuk-tag--turquoise',
  verified: 'govuk-tag--blue',
  blocked: 'govuk-tag--red',
  cancelled: 'govuk-tag--grey',
  carried_over: 'govuk-tag--purple',
};

/** Chart fills from the GOV.UK colour palette; each has at least 3:1 contrast with white. */
export const RAG_COLOURS: Record<Rag, string> = { blue: '#1d70b8', red: '#d4351c', amber: '#b14d00', green: '#00703c' };

export const TIMESCALE_LABELS: Record<string, string> = {
  immediately: 'Immediately',
  three_months: 'Within three months',
  six_months: 'Within six months',
  unspecified: 'No timescale given',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  board_chair: 'Board chair',
  board_member: 'Board member',
  manager: 'Manager',
  commissioner: 'Commissioner',
  viewer: 'Viewer (action owner, scrutiny)',
};
