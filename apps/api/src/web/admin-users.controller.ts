import { Body, Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, Authenticated, InvitationService, passwordProblem, PersonView, Role, ROLES, UserService } from '@app/core';
import { CurrentActor, Roles } from '../common/decorators';
import { CreateUserDto, UpdateUserDto } from '../people/people.dto';
import { FormPost, PageRequest } from './csrf';
import { attempt, checkForm, FormErrors, notFoundProblem, Problem } from './form-errors';
import { PageErrorFilter } from './page-error.filter';
import { field, fields, queryValue } from './page-query';
import { PageRenderer } from './page-renderer';
import { ROLE_LABELS } from './page-labels';
import { Directory, PeopleDirectory } from './people-directory';

const SAVED: Record<string, string> = {
  'user-added': 'The user has been added. Tell them their email address and password; they can sign in now.',
  'user-saved': 'The user has been saved.',
  'user-invited':
    'That email address already has an account, so they have been invited: they will see the invitation when they sign in and join once they accept it. The password you entered was not used.',
  'user-removed': 'The user has been removed from this council. Their account, and any other council they belong to, are not affected.',
  'invitation-withdrawn': 'The invitation has been withdrawn.',
};

/** Admin pages for the council's people and their invitations: the same services and DTO rules as the JSON API. */
@Controller('admin')
@Roles('admin')
@UseFilters(PageErrorFilter)
export class AdminUsersController {
  constructor(
    private readonly users: UserService,
    private readonly invitations: InvitationService,
    private readonly directory: PeopleDirectory,
    private readonly pages: PageRenderer,
  ) {}

  @Roles('admin')
  @Get('users')
  async listUsers(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
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
  async newUser(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply) {
    await this.userPage(actor, req, res, null, { roles: [] }, new FormErrors(), 200);
  }

  @Roles('admin')
  @FormPost('users')
  async addUser(@CurrentActor() actor: Authenticated, @Req() req: PageRequest, @Res() res: FastifyReply, @Body() body: Record<string, unknown>) {
    const values = userValues(body);
    const password = typeof body.password === 'string' ? body.password : '';
    const { errors } = checkForm(CreateUserDto, values, NEW_PERSON);
    const weak = passwordProblem(password, { email: values.email });
    if (weak) errors.add('password', weak);
    if (errors.any) return this.userPage(actor, req, res, null, values, errors, 400);
    const added = await attempt(
      () =>
        this.users.add(actor, {
          email: values.email,
          displayName: values.displayName,
          password,
          roles: values.roles as Role[],
          managerId: values.managerId || null,
          organisationId: values.organisationId || null,
        }),
      (problem) => problemField(problem.code, 'email'),
      notFoundProblem,
    );
    if (added.errors) return this.userPage(actor, req, res, null, values, added.errors, 400);
    res.redirect(`/admin/users?saved=${'invited' in added.value ? 'user-invited' : 'user-added'}`, 303);
  }

  @Roles('admin')
  @Get('users/:id')
  async editUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const person = await this.users.get(actor.authorityId, id);
    await this.userPage(actor, req, res, person, personValues(person), new FormErrors(), 200);
  }

  @Roles('admin')
  @FormPost('users/:id')
  async saveUser(
    @CurrentActor() actor: Authenticated,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: PageRequest,
    @Res() res: FastifyReply,
    @Body() body: Record<string, unknown>,
  ) {
    const person = await this.users.get(actor.authorityId, id);
    const values = { ...userValues(body), active: field(body, 'active') };
    const active = values.active === 'yes' ? true : values.active === 'no' ? false : values.active;
    const { errors } = checkForm(UpdateUserDto, { ...values, active }, PERSON);
    if (values.managerId === id) errors.add('managerId', 'Choose someone else as their manager: a person cannot manage themselves');
    if (values.active === 'no' && id === actor.userId) errors.add('active', 'You cannot stop your own access: ask another admin');
    if (!errors.any && id === actor.userId && !values.roles.includes('admin')) errors.add('roles', 'You cannot remove your own admin role: ask another admin');
    if (errors.any) return this.userPage(actor, req, res, person, values, errors, 400);
    const saved = await attempt(
      () =>
        this.users.update(actor, id, {
          roles: values.roles as Role[],
          managerId: values.managerId || null,
          organisationId: values.organisationId || null,
          active: values.active === 'yes',
        }),
      (problem) => problemField(problem.code, 'roles'),
      notFoundProblem,
      accountProblem,
    );
    if (saved.errors) return this.userPage(actor, req, res, person, values, saved.errors, 400);
    res.redirect('/admin/users?saved=user-saved', 303);
  }

  @Roles('admin')
  @FormPost('users/:id/remove')
  async removeUser(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Req() req: PageRequest, @Res() res: FastifyReply) {
    const removed = await attempt(() => this.users.remove(actor, id), 'remove');
    if (removed.errors) {
      const person = await this.users.get(actor.authorityId, id);
      return this.userPage(actor, req, res, person, personValues(person), removed.errors, 400);
    }
    res.redirect('/admin/users?saved=user-removed', 303);
  }

  @Roles('admin')
  @FormPost('invitations/:id/withdraw')
  async withdrawInvitation(@CurrentActor() actor: Authenticated, @Param('id', ParseUUIDPipe) id: string, @Res() res: FastifyReply) {
    await this.invitations.withdraw(actor, id);
    res.redirect('/admin/users?saved=invitation-withdrawn', 303);
  }

  private async userPage(
    actor: Authenticated,
    req: PageRequest,
    res: FastifyReply,
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

// The page's wording for the people DTOs' rules.
const PERSON = {
  roles: { field: 'roles', missing: 'Choose at least one role', invalid: 'Choose roles from the list' },
  managerId: { field: 'managerId', invalid: 'Choose the line manager from the list' },
  organisationId: { field: 'organisationId', invalid: 'Choose the organisation from the list' },
  active: { field: 'active', missing: 'Choose whether they can sign in', invalid: 'Choose whether they can sign in' },
};
const NEW_PERSON = {
  displayName: { field: 'displayName', missing: 'Enter the person’s full name', invalid: 'The name must be 200 characters or fewer' },
  email: { field: 'email', missing: 'Enter their email address', invalid: 'Enter an email address in the correct format, like name@example.gov.uk' },
  roles: PERSON.roles,
  managerId: PERSON.managerId,
  organisationId: PERSON.organisationId,
};

function organisationItems(names: Directory, chosen: string) {
  return [
    { value: '', text: 'The council (no partner organisation)' },
    ...names.organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen })),
  ];
}

/** A change this admin may not make to a person shared with another council: shown beside the field. */
function accountProblem(error: unknown): Problem | null {
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
