import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@app/database/entities';
import { bearer, createTestApp, DB_KINDS, newAuthority, newUser, TestApp, TestUser } from './support';

/** A council performance paper of our own (libs/importer/test-documents/figures), dated 12 May 2015. */
const paper = readFileSync(resolve(__dirname, '../libs/importer/test-documents/figures/performance-paper-ashcombe-2015.txt'));

interface Outcome {
  index: number;
  name: string;
  unit: string;
  value: number | null;
  period: string | null;
  polarity: string | null;
  measure: { id: string | null; status: string } | null;
  valueStatus: string | null;
  problem: string | null;
  needsPolarity: boolean;
}

describe.each(DB_KINDS)('figures from a council paper into the measures (%s)', (kind) => {
  let t: TestApp;
  let member: TestUser, viewer: TestUser, other: TestUser;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const authority = await newAuthority(t);
    member = await newUser(t, authority.id, ['board_member']);
    viewer = await newUser(t, authority.id, ['viewer']);
    other = await newUser(t, (await newAuthority(t)).id, ['admin']);
  });
  afterAll(() => t.close());

  const send = (user: TestUser, fields: Record<string, string> = {}, file: Buffer | null = paper) => {
    const req = t.http().post('/api/v1/measures/import-from-report').set(bearer(user));
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    return file ? req.attach('file', file, 'paper.txt') : req;
  };
  const measures = async (user: TestUser) => (await t.http().get('/api/v1/measures').set(bearer(user)).expect(200)).body as { id: string; name: string }[];
  const byName = (figures: Outcome[], name: string) => figures.filter((f) => f.name === name);

  it('lists the figures with what importing would do, and stores nothing', async () => {
    const res = await send(member, { dryRun: 'true' }).expect(200);
    const figures = res.body.figures as Outcome[];
    expect(res.body).toMatchObject({ dryRun: true, measuresCreated: 0, valuesStored: 0 });
    expect(byName(figures, 'Re-referrals within 12 months').map((f) => [f.period, f.value, f.measure?.status, f.valueStatus])).toEqual([
      ['2014/15 Q1', 23.1, 'new', 'new'],
      ['2014/15 Q2', 21.4, 'new', 'new'],
      ['2014/15 Q3', 19.8, 'new', 'new'],
      ['2014/15 Q4', 18.9, 'new', 'new'],
    ]);
    expect(byName(figures, 'Children in need per 10,000')[0].problem).toMatch(/percentages, counts and days/);
    expect(byName(figures, 'Children in care')[0].problem).toMatch(/higher or lower is better/);
    const lastYear = figures.find((f) => f.period === 'last year')!;
    const chosen = (await send(member, { dryRun: 'true', choices: JSON.stringify([{ index: lastYear.index, polarity: 'higher' }]) }).expect(200)).body.figures;
    expect(chosen[lastYear.index].problem).toMatch(/"last year" is not a period/);
    expect(await measures(member)).toEqual([]);
  });

  it('imports the chosen figures: one measure per name, each value for its period, audited; again changes nothing', async () => {
    const dry = (await send(member, { dryRun: 'true' }).expect(200)).body.figures as Outcome[];
    const care = byName(dry, 'Children in care')[0].index;
    const rereferrals = byName(dry, 'Re-referrals within 12 months').map((f) => f.index);
    const band = dry.find((f) => f.polarity === 'band')!.index;
    const choices = [{ index: care, polarity: 'lower' }, ...rereferrals.map((index) => ({ index })), { index: band }];
    const res = await send(member, { choices: JSON.stringify(choices) }).expect(201);
    expect(res.body).toMatchObject({ dryRun: false, measuresCreated: 3, valuesStored: 5 });
    const made = await measures(member);
    expect(made.map((m) => m.name).sort()).toEqual(['Children in care', 'Children on a child protection plan', 'Re-referrals within 12 months']);
    const rr = made.find((m) => m.name === 'Re-referrals within 12 months')!;
    expect(rr).toMatchObject({ unit: 'percent', polarity: 'lower', target: 20 });
    expect(made.find((m) => m.name === 'Children on a child protection plan')).toMatchObject({ unit: 'count', polarity: 'band', bandLow: 180, bandHigh: 200 });
    const values = (await t.http().get(`/api/v1/measures/${rr.id}/values`).set(bearer(member)).expect(200)).body as { period: string; value: number }[];
    expect(values.map((v) => [v.period, v.value])).toEqual([
      ['2014/15 Q1', 23.1],
      ['2014/15 Q2', 21.4],
      ['2014/15 Q3', 19.8],
      ['2014/15 Q4', 18.9],
    ]);
    const care412 = (
      await t
        .http()
        .get(`/api/v1/measures/${made.find((m) => m.name === 'Children in care')!.id}/values`)
        .set(bearer(member))
        .expect(200)
    ).body;
    expect(care412).toEqual([expect.objectContaining({ period: '2014/15 Q4', value: 412, national: 430 })]);
    const audit = await t.get(DataSource).getRepository(AuditEvent).findBy({ entityType: 'measure', actorId: member.id });
    expect(audit.map((e) => e.event).sort()).toEqual([...Array(3).fill('measure_created'), ...Array(5).fill('measure_value_entered')]);

    const again = await send(member, { choices: JSON.stringify(choices.filter((c) => c.index !== band)) }).expect(201);
    expect(again.body).toMatchObject({ measuresCreated: 0, valuesStored: 0 });
    expect((again.body.figures as Outcome[]).filter((f) => rereferrals.includes(f.index)).map((f) => [f.measure?.status, f.valueStatus])).toEqual(
      Array(4).fill(['existing', 'unchanged']),
    );
  });

  it('refuses a chosen figure that cannot be imported, a value that differs from the one stored, and bad input, storing nothing', async () => {
    const before = (await measures(member)).length;
    const dry = (await send(member, { dryRun: 'true' }).expect(200)).body.figures as Outcome[];
    const rate = byName(dry, 'Children in need per 10,000')[0].index;
    const assessments = dry.find((f) => f.name.startsWith('Single assessments'))!.index;
    const refused = await send(member, { choices: JSON.stringify([{ index: assessments }, { index: rate }]) }).expect(400);
    expect(refused.body.error.message).toMatch(/^Nothing was imported: figure \d+ \(Children in need per 10,000\)/);
    expect((await measures(member)).length).toBe(before);

    const rr = (await measures(member)).find((m) => m.name === 'Re-referrals within 12 months')!;
    await t.http().post(`/api/v1/measures/${rr.id}/values`).set(bearer(member)).send({ period: '2015/16 Q1', value: 18 }).expect(201);
    const edited = Buffer.from(paper.toString('utf8').replace('Q4 2014/15', 'Q1 2015/16'));
    const differs = (await send(member, { dryRun: 'true' }, edited).expect(200)).body.figures as Outcome[];
    expect(byName(differs, 'Re-referrals within 12 months')[3].problem).toMatch(/already has 18 for 2015\/16 Q1, and the paper gives 18.9: correct it/);

    await send(member, { choices: JSON.stringify([{ index: 999 }]) }).expect(400);
    await send(member, { choices: '[{"index":0,"polarity":"sideways"}]' }).expect(400);
    await send(member, {}, null).expect(400);
    await send(member, {}, Buffer.from('No figures here, only words.\n')).expect(400);
    await send(viewer, { dryRun: 'true' }).expect(403);
    // Another council's measures are not matched, and its person makes its own.
    const theirs = (await send(other, { dryRun: 'true' }).expect(200)).body.figures as Outcome[];
    expect(byName(theirs, 'Re-referrals within 12 months').map((f) => f.measure?.status)).toEqual(Array(4).fill('new'));
  });
});

/** The seed council paper in ../shared/fixtures (beside the repository); a clone without it skips this. */
const FIXTURES = resolve(__dirname, '../../shared/fixtures/reports');
const seed = existsSync(FIXTURES) ? readdirSync(FIXTURES).find((name) => name.startsWith('001_') && name.endsWith('.txt')) : undefined;

(seed ? describe : describe.skip)('the seed council paper’s figures into the measures (sqlite)', () => {
  let t: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    member = await newUser(t, (await newAuthority(t)).id, ['board_member']);
  });
  afterAll(() => t.close());

  it('makes its measures, with the values it gives for the paper’s quarter, once the person says higher is better for timeliness', async () => {
    const bytes = readFileSync(join(FIXTURES, seed!));
    const send = (fields: Record<string, string>) => {
      const req = t.http().post('/api/v1/measures/import-from-report').set(bearer(member));
      for (const [name, value] of Object.entries(fields)) void req.field(name, value);
      return req.attach('file', bytes, 'paper.txt');
    };
    const figures = (await send({ dryRun: 'true' }).expect(200)).body.figures as Outcome[];
    const timeliness = figures.find((f) => f.value === 91.7)!;
    const choices = figures.filter((f) => !f.problem || f.needsPolarity).map((f) => ({ index: f.index, ...(f === timeliness ? { polarity: 'higher' } : {}) }));
    await send({ choices: JSON.stringify(choices) }).expect(201);
    const measures = (await t.http().get('/api/v1/measures').set(bearer(member)).expect(200)).body as {
      id: string;
      unit: string;
      polarity: string;
      target: number | null;
      bandLow: number | null;
      bandHigh: number | null;
    }[];
    expect(measures.map(({ unit, polarity, target, bandLow, bandHigh }) => [unit, polarity, target, bandLow, bandHigh]).sort()).toEqual(
      [
        ['count', 'band', null, 120, 130],
        ['count', 'band', null, 135, 145],
        ['percent', 'higher', null, null, null],
        ['percent', 'lower', 22, null, null],
        ['percent', 'lower', 10, null, null],
      ].sort(),
    );
    const values = await Promise.all(measures.map(async (m) => (await t.http().get(`/api/v1/measures/${m.id}/values`).set(bearer(member)).expect(200)).body));
    expect(
      values
        .flat()
        .map((v: { period: string; value: number }) => [v.period, v.value])
        .sort(),
    ).toEqual([
      ['2014/15 Q3', 21.5],
      ['2014/15 Q3', 4.1],
      ['2014/15 Q3', 91.7],
    ]);
  });
});
