import { Injectable } from '@nestjs/common';
import { OrganisationService, PersonView, UserService } from '@app/core';

export interface Directory {
  people: PersonView[];
  organisations: { id: string; name: string }[];
  personName(id: string | null | undefined): string;
  organisationName(id: string | null | undefined): string;
}

/** Names for the ids on a page: the authority's people and partner organisations. */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly users: UserService,
    private readonly organisations: OrganisationService,
  ) {}

  async load(authorityId: string): Promise<Directory> {
    const [people, organisations] = await Promise.all([this.users.list(authorityId), this.organisations.list(authorityId)]);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const orgs = new Map(organisations.map((o) => [o.id, o.name]));
    return {
      people,
      organisations,
      personName: (id) => (id ? (names.get(id) ?? 'Someone no longer here') : ''),
      organisationName: (id) => (id ? (orgs.get(id) ?? '') : ''),
    };
  }
}
