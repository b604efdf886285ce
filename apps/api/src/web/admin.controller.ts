import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import {
  AppError,
  Authenticated,
  BoardService,
  InvitationService,
  ORGANISATION_KINDS,
  OrganisationService,
  passwordProblem,
  PersonView,
  Role,
  ROLES,
  UserService,
} from '@app/core';
import { CurrentActor, Roles } from '../common/decorators';
import { FormPost, PageRequest } from './csrf';
import { FormErrors, userError } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, fields, queryValue, UUID } from './page-query';
import { PageRenderer } from './page-renderer';
import { ROLE_LABELS } from './page-labels';
import { Directory, PeopleDirectory } from './people-directory';

export const ORGANISATION_KIND_LABELS: Record<string, string> = {
  council: 'Council',
  nhs: 'NHS',
  police: 'Police',
  education: 'School or college',
  voluntary: 'Voluntary or community group',
  other: 'Other',
};

const SAVED: Record<string, string> = {
  'user-added': 'The user has been added. Tell them their email address and password; they can sign in now.',
  'user-saved': 'The user has been saved.',
  'user-invited':
    'That email address already has an account, so they have been invited: they will see the invitation when they sign in and join once they accept it. The password you entered was not used.',
  'user-removed': 'The user has been removed from this council. Their account, and any other council they belong to, are not affected.',
  'invitation-withdrawn': 'The invitation has been withdrawn.',
  'organisation-added': 'The organisation has been added.',
  'board-added': 'The board has been added.',
  'member-added': 'The member has been added to the board.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Admin pages for the authority's people, partner organisations and boards: the same services as the JSON API. */
@Controller('admin')
@Roles('admin')
@UseFilters(PageErrorFilter)
export class AdminController {
  constructor(
    private readonly users: UserService,
    private readonly invitations: InvitationService,
    private readonly organisations: OrganisationService,
    private readonly boards: BoardService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Roles('admin')
  @Get()
  async index(@Req() req: PageRequest, @Res() res: Response) {
    await this.pages.render(req, res, 'admin/index.njk', { pageTitle: 'Admin' });
  }

  @Roles('admin')
  @Get('users')
  async listUsers(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    const [names, invitations] = await Promise.all([this.directory.load(actor.authorityId), this.invitations.list(actor)]);
    await this.pages.render(req, res, 'admin/users.njk', {
      pageTitle: 'Users',
      success: SAVED[queryValue(req, 'saved') ?? ''],
      people: names.people.map((p) => ({
        ...p,
        roleText: p.roles.map((r) => ROLE_LABELS[r]).join(', '),
        manager: names.personName(p.managerId),
        organisation: names.organisationName(p.organisationId),
      })),
      invitations: invitations
        .filter((i) => i.status === 'pending')
        .map((i) => ({ ...i, roleText: i.roles.map((r) => ROLE_LABELS[r]).join(', '), expiresOn: i.expiresAt.slice(0, 10) })),
    });
  }

  @Roles('admin')
  @Get('users/new')
  async newUser(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    await this.userPage(actor, req, res, null, { roles: [] }, new FormErrors(), 200);
  }

  @Roles('admin')
  @FormPost('users')
  async addUser(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = userValues(body);
    const password = typeof body.password === 'string' ? body.password : '';
    const errors = new FormErrors();
    if (!values.displayName) errors.add('displayName', 'Enter the person’s full name');
    else if (values.displayName.length > 200) errors.add('displayName', 'The name must be 200 characters or fewer');
    if (!values.email) errors.add('email', 'Enter their email address');
    else if (!EMAIL.test(values.email) || values.email.length > 254)
      errors.add('email', 'Enter an email address in the correct format, like name@example.gov.uk');
    const weak = passwordProblem(password, { email: values.email });
    if (weak) errors.add('password', weak);
    checkPeopleFields(values, errors);
    if (errors.any) return this.userPage(actor, req, res, null, values, errors, 400);
    let result;
    try {
      result = await this.users.add(actor, {
        email: values.email,
        displayName: values.displayName,
        password,
        roles: values.roles as Role[],
        managerId: values.managerId || null,
        organisationId: values.organisationId || null,
      });
    } catch (error) {
      const problem = userError(error) ?? notFoundProblem(error);
      if (!problem) throw error;
      return this.userPage(actor, req, res, null, values, FormErrors.of(problemField(problem.code, 'email'), problem.message), 400);
    }
    res.redirect(303, `/admin/users?saved=${'invited' in result ? 'user-invited' : 'user-added'}`);
  }

  @Roles('admin')
  @Get('users/:id')
  async editUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: Response) {
    const person = await this.users.get(actor.authorityId, id);
    await this.userPage(actor, req, res, person, personValues(person), new FormErrors(), 200);
  }

  @Roles('admin')
  @FormPost('users/:id')
  async saveUser(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    const person = await this.users.get(actor.authorityId, id);
    const values = { ...userValues(body), active: field(body, 'active') };
    const errors = new FormErrors();
    checkPeopleFields(values, errors);
    if (values.managerId === id) errors.add('managerId', 'Choose someone else as their manager: a person cannot manage themselves');
    if (values.active !== 'yes' && values.active !== 'no') errors.add('active', 'Choose whether they can sign in');
    else if (values.active === 'no' && id === actor.userId) errors.add('active', 'You cannot stop your own access: ask another admin');
    if (!errors.any && id === actor.userId && !values.roles.includes('admin')) errors.add('roles', 'You cannot remove your own admin role: ask another admin');
    if (errors.any) return this.userPage(actor, req, res, person, values, errors, 400);
    try {
      await this.users.update(actor, id, {
        roles: values.roles as Role[],
        managerId: values.managerId || null,
        organisationId: values.organisationId || null,
        active: values.active === 'yes',
      });
    } catch (error) {
      const problem = userError(error) ?? notFoundProblem(error) ?? accountProblem(error);
      if (!problem) throw error;
      return this.userPage(actor, req, res, person, values, FormErrors.of(problemField(problem.code, 'roles'), problem.message), 400);
    }
    res.redirect(303, '/admin/users?saved=user-saved');
  }

  @Roles('admin')
  @FormPost('users/:id/remove')
  async removeUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: Response) {
    try {
      await this.users.remove(actor, id);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      const person = await this.users.get(actor.authorityId, id);
      return this.userPage(actor, req, res, person, personValues(person), FormErrors.of('remove', problem.message), 400);
    }
    res.redirect(303, '/admin/users?saved=user-removed');
  }

  @Roles('admin')
  @FormPost('invitations/:id/withdraw')
  async withdrawInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.invitations.withdraw(actor, id);
    res.redirect(303, '/admin/users?saved=invitation-withdrawn');
  }

  @Roles('admin')
  @Get('organisations')
  async listOrganisations(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    await this.organisationsPage(actor, req, res, {}, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles('admin')
  @FormPost('organisations')
  async addOrganisation(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = { name: field(body, 'name'), kind: field(body, 'kind') };
    const errors = new FormErrors();
    if (!values.name) errors.add('name', 'Enter the organisation’s name');
    else if (values.name.length > 200) errors.add('name', 'The name must be 200 characters or fewer');
    if (!(ORGANISATION_KINDS as readonly string[]).includes(values.kind)) errors.add('kind', 'Choose what kind of organisation it is');
    if (errors.any) return this.organisationsPage(actor, req, res, values, errors, 400);
    try {
      await this.organisations.create(actor, values.name, values.kind);
    } catch (error) {
      const problem = userError(error);
      if (!problem) throw error;
      return this.organisationsPage(actor, req, res, values, FormErrors.of('name', problem.message), 400);
    }
    res.redirect(303, '/admin/organisations?saved=organisation-added');
  }

  @Roles('admin')
  @Get('boards')
  async listBoards(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response) {
    await this.boardsPage(actor, req, res, { memberIds: [] }, new FormErrors(), 200, SAVED[queryValue(req, 'saved') ?? '']);
  }

  @Roles('admin')
  @FormPost('boards')
  async addBoard(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const values = { name: field(body, 'name'), chairId: field(body, 'chairId'), memberIds: fields(body, 'memberIds') };
    const errors = new FormErrors();
    if (!values.name) errors.add('name', 'Enter the board’s name');
    else if (values.name.length > 200) errors.add('name', 'The name must be 200 characters or fewer');
    if (values.chairId && !UUID.test(values.chairId)) errors.add('chairId', 'Choose the chair from the list');
    if (values.memberIds.some((m) => !UUID.test(m))) errors.add('memberIds', 'Choose the members from the list');
    if (errors.any) return this.boardsPage(actor, req, res, values, errors, 400);
    try {
      await this.boards.create(actor, values.name, values.chairId || null, values.memberIds);
    } catch (error) {
      const problem = userError(error) ?? notFoundProblem(error);
      if (!problem) throw error;
      return this.boardsPage(actor, req, res, values, FormErrors.of('memberIds', problem.message), 400);
    }
    res.redirect(303, '/admin/boards?saved=board-added');
  }

  @Roles('admin')
  @FormPost('boards/:id/members')
  async addMember(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ) {
    const userId = field(body, 'userId');
    const target = `member-${id}`;
    if (!UUID.test(userId)) return this.boardsPage(actor, req, res, { memberIds: [] }, FormErrors.of(target, 'Choose the person to add to the board'), 400);
    try {
      await this.boards.addMember(actor, id, userId);
    } catch (error) {
      const problem =
        userError(error) ??
        (notFoundProblem(error)?.code === 'not_found' && (error as Error).message.startsWith('User')
          ? { code: 'not_found', message: 'Choose the person to add from the list' }
          : null);
      if (!problem) throw error;
      return this.boardsPage(actor, req, res, { memberIds: [] }, FormErrors.of(target, problem.message), 400);
    }
    res.redirect(303, `/admin/boards?saved=member-added#board-${id}`);
  }

  private async userPage(
    actor: Authenticated,
    req: PageRequest,
    res: Response,
    person: PersonView | null,
    values: Record<string, unknown>,
    errors: FormErrors,
    status: number,
  ) {
    const names = await this.directory.load(actor.authorityId);
    const roles = (values.roles as string[]) ?? [];
    await this.pages.render(
      req,
      res,
      'admin/user.njk',
      {
        pageTitle: person ? `Edit ${person.displayName}` : 'Add a user',
        person,
        values,
        ...errors.view(),
        self: person?.id === actor.userId,
        roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], checked: roles.includes(r) })),
        managerItems: [
          { value: '', text: 'No line manager' },
          ...names.people
            .filter((p) => p.active && p.id !== person?.id)
            .map((p) => ({ value: p.id, text: p.displayName, selected: p.id === values.managerId })),
        ],
        organisationItems: organisationItems(names, String(values.organisationId ?? '')),
      },
      status,
    );
  }

  private async organisationsPage(
    actor: Authenticated,
    req: PageRequest,
    res: Response,
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
    res: Response,
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

function userValues(body: Record<string, unknown>) {
  return {
    displayName: field(body, 'displayName'),
    email: field(body, 'email').toLowerCase(),
    roles: fields(body, 'roles'),
    managerId: field(body, 'managerId'),
    organisationId: field(body, 'organisationId'),
  };
}

function personValues(person: PersonView) {
  return { roles: [...person.roles], managerId: person.managerId ?? '', organisationId: person.organisationId ?? '', active: person.active ? 'yes' : 'no' };
}

function checkPeopleFields(values: { roles: string[]; managerId: string; organisationId: string }, errors: FormErrors) {
  if (values.roles.length === 0) errors.add('roles', 'Choose at least one role');
  else if (values.roles.some((r) => !(ROLES as readonly string[]).includes(r))) errors.add('roles', 'Choose roles from the list');
  if (values.managerId && !UUID.test(values.managerId)) errors.add('managerId', 'Choose the line manager from the list');
  if (values.organisationId && !UUID.test(values.organisationId)) errors.add('organisationId', 'Choose the organisation from the list');
}

function organisationItems(names: Directory, chosen: string) {
  return [
    { value: '', text: 'The council (no partner organisation)' },
    ...names.organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen })),
  ];
}

/** A person or organisation chosen in a form that has since gone: the user picks again. */
function notFoundProblem(error: unknown): { code: string; message: string } | null {
  const e = error as { kind?: string; message?: string } | null;
  return e && e.kind === 'not_found' ? { code: 'not_found', message: `${e.message}: choose again from the list` } : null;
}

/** A change this admin may not make to a person shared with another council: shown beside the field. */
function accountProblem(error: unknown): { code: string; message: string } | null {
  return error instanceof AppError && (error.code === 'account_stopped' || error.code === 'account_shared')
    ? { code: error.code, message: error.message }
    : null;
}

function problemField(code: string, fallback: string): string {
  if (code === 'weak_password') return 'password';
  if (code === 'account_stopped' || code === 'own_access') return 'active';
  if (code === 'invitation_exists') return 'email';
  if (code === 'invalid_manager') return 'managerId';
  if (code === 'user_exists') return 'email';
  return fallback;
}
