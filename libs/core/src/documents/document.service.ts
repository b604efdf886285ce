import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Timescale } from '@app/domain';
import { ActionFinding, Finding, Judgement, SourceDocument } from '@app/database/entities';
import { AppError, badRequest, notFound } from '../app-error';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor } from '../request-context';

export interface FindingInput {
  section: string;
  timescale: Timescale;
  text: string;
  ownerOrg?: string | null;
  lineStart?: number | null;
  lineEnd?: number | null;
}

export interface JudgementInput {
  area: string;
  grade: number;
  label?: string | null;
  scale: string;
}

export interface DocumentInput {
  title: string;
  kind: string;
  inspectorates: string[];
  inspectionStart?: string | null;
  inspectionEnd?: string | null;
  publishedOn?: string | null;
  judgements?: JudgementInput[];
  findings?: FindingInput[];
  body?: string | null;
  contentHash?: string | null;
}

export type DocumentView = SourceDocument & { judgements: Judgement[]; findings: Finding[] };

/** Source documents (reports, letters, papers) with their judgements and findings. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Stores a document; the same content (by hash) in the same authority is stored once. */
  async create(actor: Actor, input: DocumentInput, manager?: EntityManager): Promise<{ document: DocumentView; created: boolean }> {
    const run = async (tx: EntityManager) => {
      if (input.contentHash) {
        const existing = await tx.findOneBy(SourceDocument, { authorityId: actor.authorityId, contentHash: input.contentHash });
        if (existing) return { document: await this.load(tx, actor.authorityId, existing.id), created: false };
      }
      const document: SourceDocument = {
        id: newId(),
        authorityId: actor.authorityId,
        title: input.title.trim(),
        kind: input.kind,
        inspectorates: input.inspectorates,
        inspectionStart: input.inspectionStart ?? null,
        inspectionEnd: input.inspectionEnd ?? null,
        publishedOn: input.publishedOn ?? null,
        contentHash: input.contentHash ?? null,
        body: input.body ?? null,
        createdById: actor.userId,
        createdAt: this.clock.nowIso(),
      };
      await tx.insert(SourceDocument, document);
      for (const j of input.judgements ?? []) {
        await tx.insert(Judgement, {
          id: newId(),
          authorityId: actor.authorityId,
          documentId: document.id,
          area: j.area,
          grade: j.grade,
          label: j.label ?? null,
          scale: j.scale,
        });
      }
      let position = 0;
      for (const f of input.findings ?? []) await tx.insert(Finding, this.newFinding(actor.authorityId, document.id, f, position++));
      const { body: _body, ...summary } = document;
      await this.audit.record(
        {
          authorityId: actor.authorityId,
          entityType: 'document',
          entityId: document.id,
          event: 'document_created',
          actorId: actor.userId,
          after: { ...summary, findings: input.findings?.length ?? 0 },
        },
        tx,
      );
      return { document: await this.load(tx, actor.authorityId, document.id), created: true };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async addFinding(actor: Actor, documentId: string, input: FindingInput): Promise<Finding> {
    return this.db.transaction(async (tx) => {
      const doc = await this.load(tx, actor.authorityId, documentId);
      const finding = this.newFinding(actor.authorityId, documentId, input, doc.findings.length);
      await tx.insert(Finding, finding);
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'document', entityId: documentId, event: 'finding_added', actorId: actor.userId, after: finding },
        tx,
      );
      return finding;
    });
  }

  /** Review: correct a finding the importer read (text, section, timescale or partner). */
  async updateFinding(actor: Actor, documentId: string, findingId: string, changes: Partial<FindingInput>): Promise<Finding> {
    return this.review(actor, documentId, [findingId], 'finding_updated', async (tx, [finding]) => {
      const before = { ...finding };
      if (changes.text !== undefined) finding.text = fold(changes.text);
      if (changes.section !== undefined) finding.section = changes.section;
      if (changes.timescale !== undefined) finding.timescale = changes.timescale;
      if (changes.ownerOrg !== undefined) finding.ownerOrg = changes.ownerOrg;
      await tx.save(Finding, finding);
      return { before, after: finding, result: finding };
    });
  }

  /** Review: drop a finding that is not one (a strength read as a finding, say). */
  async dropFinding(actor: Actor, documentId: string, findingId: string): Promise<void> {
    await this.review(actor, documentId, [findingId], 'finding_dropped', async (tx, [finding]) => {
      await tx.delete(Finding, { id: finding.id });
      return { before: finding, after: null, result: undefined };
    });
  }

  /** Review: two or more findings that are really one; the first keeps its place, texts joined in order. */
  async mergeFindings(actor: Actor, documentId: string, findingIds: string[]): Promise<Finding> {
    if (new Set(findingIds).size < 2) throw badRequest('merge_needs_two', 'Choose at least two different findings to merge');
    return this.review(actor, documentId, findingIds, 'findings_merged', async (tx, found) => {
      const [first, ...rest] = [...found].sort((a, b) => a.position - b.position);
      const before = found.map((f) => ({ ...f }));
      first.text = fold([first, ...rest].map((f) => f.text).join(' '));
      first.lineEnd = Math.max(...found.map((f) => f.lineEnd ?? f.lineStart ?? 0)) || first.lineEnd;
      await tx.save(Finding, first);
      await tx.delete(
        Finding,
        rest.map((f) => f.id),
      );
      return { before, after: first, result: first };
    });
  }

  /** Review: one finding that is really several; each part becomes a finding in its place. */
  async splitFinding(actor: Actor, documentId: string, findingId: string, parts: string[]): Promise<Finding[]> {
    if (parts.filter((p) => p.trim()).length < 2) throw badRequest('split_needs_two', 'Give at least two non-empty parts to split the finding into');
    return this.review(actor, documentId, [findingId], 'finding_split', async (tx, [finding]) => {
      const later = await tx
        .createQueryBuilder(Finding, 'f')
        .where('f.documentId = :documentId AND f.position > :position', { documentId, position: finding.position })
        .getMany();
      for (const f of later) await tx.update(Finding, { id: f.id }, { position: f.position + parts.length - 1 });
      const created = parts.map((text, i) => ({ ...finding, id: i === 0 ? finding.id : newId(), text: fold(text), position: finding.position + i }));
      await tx.save(Finding, created[0]);
      if (created.length > 1) await tx.insert(Finding, created.slice(1));
      return { before: finding, after: created, result: created };
    });
  }

  get(authorityId: string, id: string): Promise<DocumentView> {
    return this.load(this.db.manager, authorityId, id);
  }

  async list(authorityId: string) {
    return this.db.manager.find(SourceDocument, {
      where: { authorityId },
      select: { id: true, title: true, kind: true, inspectorates: true, publishedOn: true, inspectionStart: true, inspectionEnd: true, createdAt: true },
      order: { createdAt: 'DESC' },
    });
  }

  private async review<T>(
    actor: Actor,
    documentId: string,
    findingIds: string[],
    event: string,
    work: (tx: EntityManager, findings: Finding[]) => Promise<{ before: unknown; after: unknown; result: T }>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const doc = await this.load(tx, actor.authorityId, documentId);
      const findings = findingIds.map((id) => doc.findings.find((f) => f.id === id));
      if (findings.some((f) => !f)) throw notFound('Finding');
      const answered = await tx.createQueryBuilder(ActionFinding, 'l').where('l.findingId IN (:...ids)', { ids: findingIds }).getCount();
      if (answered)
        throw new AppError(
          'unprocessable',
          'finding_in_use',
          'An action already answers this finding: change the action instead, or remove it from the draft plan first',
        );
      const { before, after, result } = await work(tx, findings as Finding[]);
      await this.audit.record(
        { authorityId: actor.authorityId, entityType: 'document', entityId: documentId, event, actorId: actor.userId, before, after },
        tx,
      );
      return result;
    });
  }

  private async load(manager: EntityManager, authorityId: string, id: string): Promise<DocumentView> {
    const document = await manager.findOneBy(SourceDocument, { id, authorityId });
    if (!document) throw notFound('Document');
    const [judgements, findings] = await Promise.all([
      manager.find(Judgement, { where: { documentId: id, authorityId } }),
      manager.find(Finding, { where: { documentId: id, authorityId }, order: { position: 'ASC' } }),
    ]);
    return { ...document, judgements, findings };
  }

  private newFinding(authorityId: string, documentId: string, f: FindingInput, position: number): Finding {
    return {
      id: newId(),
      authorityId,
      documentId,
      section: f.section,
      timescale: f.timescale,
      text: fold(f.text),
      ownerOrg: f.ownerOrg ?? null,
      lineStart: f.lineStart ?? null,
      lineEnd: f.lineEnd ?? null,
      position,
    };
  }
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
