import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ActionService, Authenticated, MeetingAgendaService, MeetingService, notFound } from '@app/core';
import { rolesFor } from '@app/domain';
import { CurrentActor, Roles } from '../common/decorators';
import { AgendaItemDto, UpdateAgendaItemDto } from '../meetings/meetings.dto';
import { FormPost, PageRequest } from './csrf';
import { attempt, checkForm, FormErrors, notFoundProblem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

const whole = (text: string) => (text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN);

const ITEM_WORDING = {
  section: { field: 'section', invalid: 'The section must be 100 characters or fewer' },
  presenterId: { field: 'presenterId', invalid: 'Choose the presenter from the list' },
  minutesAllotted: { field: 'minutesAllotted', invalid: 'Minutes must be a whole number from 1 to 240' },
  position: { field: 'position', invalid: 'The place on the agenda must be a whole number from 1' },
};
const NEW_ITEM_WORDING = {
  section: ITEM_WORDING.section,
  presenterId: ITEM_WORDING.presenterId,
  minutesAllotted: ITEM_WORDING.minutesAllotted,
  actionId: { field: 'actionId', invalid: 'Choose the action from the list' },
  title: { field: 'title', invalid: 'The title must be 300 characters or fewer' },
};

/** The chair's edits to a meeting's agenda: an item's section, presenter, minutes and place; adding and removing items. */
@Controller('meetings')
@UseFilters(PageErrorFilter)
@Roles(...rolesFor('meeting.plan'))
export class MeetingAgendaPagesController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly agenda: MeetingAgendaService,
    private readonly actions: ActionService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Get(':id/items/:itemId')
  async edit(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
  ) {
    await this.itemPage(actor, id, itemId, req, res, null, new FormErrors());
  }

  @FormPost(':id/items/:itemId')
  async save(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    if (field(body, 'remove') === 'yes') {
      await this.agenda.remove(actor, id, itemId);
      return res.redirect(`/meetings/${id}#agenda`, 303);
    }
    const values = {
      section: field(body, 'section'),
      presenterId: field(body, 'presenterId'),
      minutesAllotted: field(body, 'minutesAllotted'),
      position: field(body, 'position'),
    };
    const changes = {
      section: values.section,
      presenterId: values.presenterId || undefined,
      minutesAllotted: whole(values.minutesAllotted),
      position: whole(values.position),
    };
    const { errors } = checkForm(UpdateAgendaItemDto, changes, ITEM_WORDING);
    if (errors.any) return this.itemPage(actor, id, itemId, req, res, values, errors, 400);
    const result = await attempt(() => this.agenda.update(actor, id, itemId, changes), 'presenterId', notFoundProblem);
    if (result.errors) return this.itemPage(actor, id, itemId, req, res, values, result.errors, 400);
    res.redirect(`/meetings/${id}?saved=item#agenda`, 303);
  }

  @Get(':id/items')
  async addForm(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.newItemPage(actor, id, req, res, {}, new FormErrors());
  }

  @FormPost(':id/items')
  async add(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const values = {
      actionId: field(body, 'actionId'),
      title: field(body, 'title'),
      section: field(body, 'section'),
      presenterId: field(body, 'presenterId'),
      minutesAllotted: field(body, 'minutesAllotted'),
    };
    const input = {
      ...values,
      actionId: values.actionId || undefined,
      title: values.title || undefined,
      presenterId: values.presenterId || undefined,
      minutesAllotted: whole(values.minutesAllotted),
    };
    const { errors } = checkForm(AgendaItemDto, input, NEW_ITEM_WORDING);
    if (!input.actionId && !input.title) errors.add('actionId', 'Choose an action, or give the item a title');
    if (errors.any) return this.newItemPage(actor, id, req, res, values, errors, 400);
    const result = await attempt(
      () => this.agenda.add(actor, id, input),
      (p) => (p.code === 'title_required' ? 'title' : 'actionId'),
      notFoundProblem,
    );
    if (result.errors) return this.newItemPage(actor, id, req, res, values, result.errors, 400);
    res.redirect(`/meetings/${id}?saved=item#agenda`, 303);
  }

  private async itemPage(
    actor: Authenticated,
    id: string,
    itemId: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string> | null,
    errors: FormErrors,
    status = 200,
  ) {
    const [meeting, names] = await Promise.all([this.meetings.get(actor, id), this.directory.load(actor.authorityId)]);
    const index = meeting.agenda.items.findIndex((i) => i.id === itemId);
    if (index < 0) throw notFound('Agenda item');
    const item = meeting.agenda.items[index];
    const form = values ?? {
      section: item.section ?? '',
      presenterId: item.presenterId ?? '',
      minutesAllotted: item.minutesAllotted ? String(item.minutesAllotted) : '',
      position: String(index + 1),
    };
    await this.pages.render(
      req,
      res,
      'meetings/item.njk',
      { pageTitle: 'Change an agenda item', meeting, item, values: form, presenterItems: presenters(names.people, form.presenterId), ...errors.view() },
      status,
    );
  }

  private async newItemPage(
    actor: Authenticated,
    id: string,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status = 200,
  ) {
    const [meeting, names] = await Promise.all([this.meetings.get(actor, id), this.directory.load(actor.authorityId)]);
    const { items } = await this.actions.list(actor, { planId: meeting.planId, page: 1, pageSize: 100 });
    const actionItems = [
      { value: '', text: 'Not an action (give a title below)' },
      ...items.map((a) => ({ value: a.id, text: `${a.ref} ${a.title}`.slice(0, 120), selected: a.id === values.actionId })),
    ];
    await this.pages.render(
      req,
      res,
      'meetings/item-new.njk',
      { pageTitle: 'Add an agenda item', meeting, values, actionItems, presenterItems: presenters(names.people, values.presenterId ?? ''), ...errors.view() },
      status,
    );
  }
}

function presenters(people: { id: string; displayName: string; active: boolean }[], selected: string) {
  return [
    { value: '', text: 'No presenter' },
    ...people.filter((p) => p.active).map((p) => ({ value: p.id, text: p.displayName, selected: p.id === selected })),
  ];
}
