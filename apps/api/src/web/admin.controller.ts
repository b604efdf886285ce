import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Authenticated, BoardService, OrganisationService } from '@app/core';
import { ORGANISATION_KINDS, OrganisationKind } from '@app/domain';
import { AddMemberDto, CreateBoardDto } from '../boards/boards.controller';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateOrganisationDto } from '../people/people.dto';
import { FormPost, PageRequest } from './csrf';
import { attempt, checkForm, FormErrors, notFoundProblem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, fields, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';
import { PeopleDirectory } from './people-directory';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  council: 'Council',
  nhs: 'NHS',
  police: 'Police',
  education: 'School or college',
  voluntary: 'Voluntary or community group',
  other: 'Other',
};

const SAVED: Record<string, string> = {
  'organisation-added': 'The organisation has been added.',
  'board-added': 'The board has been added.',
  'member-added': 'The member has been added to the board.',
};

/** Admin pages for the council's partner organisations and boards (people: AdminUsersController): the same services and DTO rules as the JSON API. */
@Controller('admin')
@Roles('admin')
@UseFilters(PageErrorFilter)
export class AdminController {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly boards: BoardService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Roles('admin')
  @Get()
  async index(@Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.pages.render(req, res, 'admin/index.njk', { pageTitle: 'Admin' });
  }

  @Roles('admin')
  @Get('organisations')
  async listOrganisations(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.organisationsPage(actor, req, res, {}, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles('admin')
  @FormPost('organisations')
  async addOrganisation(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const values = { name: field(body, 'name'), kind: field(body, 'kind') };
    const { input, errors } = checkForm(CreateOrganisationDto, values, {
      name: { field: 'name', missing: 'Enter the organisation’s name', invalid: 'The name must be 200 characters or fewer' },
      kind: { field: 'kind', invalid: 'Choose what kind of organisation it is' },
    });
    if (errors.any) return this.organisationsPage(actor, req, res, values, errors, 400);
    const added = await attempt(() => this.organisations.create(actor, input.name, input.kind), 'name');
    if (added.errors) return this.organisationsPage(actor, req, res, values, added.errors, 400);
    res.redirect('/admin/organisations?saved=organisation-added', 303);
  }

  @Roles('admin')
  @Get('boards')
  async listBoards(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.boardsPage(actor, req, res, { memberIds: [] }, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles('admin')
  @FormPost('boards')
  async addBoard(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const values = { name: field(body, 'name'), chairId: field(body, 'chairId'), memberIds: fields(body, 'memberIds') };
    const { errors } = checkForm(CreateBoardDto, values, {
      name: { field: 'name', missing: 'Enter the board’s name', invalid: 'The name must be 200 characters or fewer' },
      chairId: { field: 'chairId', invalid: 'Choose the chair from the list' },
      memberIds: { field: 'memberIds', invalid: 'Choose the members from the list' },
    });
    if (errors.any) return this.boardsPage(actor, req, res, values, errors, 400);
    const added = await attempt(() => this.boards.create(actor, values.name, values.chairId || null, values.memberIds), 'memberIds', notFoundProblem);
    if (added.errors) return this.boardsPage(actor, req, res, values, added.errors, 400);
    res.redirect('/admin/boards?saved=board-added', 303);
  }

  @Roles('admin')
  @FormPost('boards/:id/members')
  async addMember(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const userId = field(body, 'userId');
    const target = `member-${id}`;
    const { errors } = checkForm(AddMemberDto, { userId }, { userId: { field: target, invalid: 'Choose the person to add to the board' } });
    if (errors.any) return this.boardsPage(actor, req, res, { memberIds: [] }, errors, 400);
    const added = await attempt(
      () => this.boards.addMember(actor, id, userId),
      target,
      (error) =>
        notFoundProblem(error) && (error as Error).message.startsWith('User') ? { code: 'not_found', message: 'Choose the person to add from the list' } : null,
    );
    if (added.errors) return this.boardsPage(actor, req, res, { memberIds: [] }, added.errors, 400);
    res.redirect(`/admin/boards?saved=member-added#board-${id}`, 303);
  }

  private async organisationsPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status: number,
    success?: string,
  ) {
    const organisations = await this.organisations.list(actor.authorityId);
    await this.pages.render(
      req,
      res,
      'admin/organisations.njk',
      {
        pageTitle: 'Organisations',
        success,
        values,
        ...errors.view(),
        kindLabels: ORGANISATION_KIND_LABELS,
        organisations,
        kindItems: ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k], checked: values.kind === k })),
      },
      status,
    );
  }

  private async boardsPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
    values: { name?: string; chairId?: string; memberIds: string[] },
    errors: FormErrors,
    status: number,
    success?: string,
  ) {
    const [boards, names] = await Promise.all([this.boards.list(actor.authorityId), this.directory.load(actor.authorityId)]);
    const view = errors.view();
    const active = names.people.filter((p) => p.active);
    await this.pages.render(
      req,
      res,
      'admin/boards.njk',
      {
        pageTitle: 'Boards',
        success,
        values,
        ...view,
        boards: boards.map((b) => ({
          id: b.id,
          name: b.name,
          chair: names.personName(b.chairId),
          members: b.memberIds.map((m) => names.personName(m)).sort(),
          error: view.errors[`member-${b.id}`],
          candidates: [
            { value: '', text: 'Choose a person' },
            ...active.filter((p) => !b.memberIds.includes(p.id)).map((p) => ({ value: p.id, text: p.displayName })),
          ],
        })),
        chairItems: [{ value: '', text: 'No chair yet' }, ...active.map((p) => ({ value: p.id, text: p.displayName, selected: p.id === values.chairId }))],
        memberItems: active.map((p) => ({ value: p.id, text: p.displayName, checked: values.memberIds.includes(p.id) })),
      },
      status,
    );
  }
}
