import { Injectable } from '@nestjs/common';
import { Timescale } from '@app/domain';
import { Finding } from '@app/database/entities';
import { DocumentRepositories, DocumentWithFindings } from '@app/database/repositories/document.repository';
import { Transactions } from '@app/database/transactions';
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

export type DocumentView = DocumentWithFindings;

/** Source documents (reports, letters, papers) with their judgements and findings. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly transactions: Transactions,
    private readonly documents: DocumentRepositories,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Stores a document; the same content (by hash) in the same authority is stored once. Joins the caller's transaction. */
  async create(actor: Actor, input: DocumentInput): Promise<{ document: DocumentView; created: boolean }> {
    const documents = this.documents.for(actor.authorityId);
    return this.transactions.run(async () => {
      const existing = input.contentHash ? await documents.byContentHash(input.contentHash) : null;
      if (existing) return { document: await this.load(actor.authorityId, existing.id), created: false };
      const document = {
        id: newId(),
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
      const judgements = (input.judgements ?? []).map((j) => ({
        id: newId(),
        documentId: document.id,
        area: j.area,
        grade: j.grade,
        label: j.label ?? null,
        scale: j.scale,
      }));
      const findings = (input.findings ?? []).map((f, position) => newFinding(document.id, f, position));
      await documents.insert(document, judgements, findings);
      const { body: _body, ...summary } = document;
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'document',
        entityId: document.id,
        event: 'document_created',
        actorId: actor.userId,
        after: { ...summary, authorityId: actor.authorityId, findings: findings.length },
      });
      return { document: await this.load(actor.authorityId, document.id), created: true };
    });
  }

  async addFinding(actor: Actor, documentId: string, input: FindingInput): Promise<Finding> {
    return this.transactions.run(async () => {
      const doc = await this.load(actor.authorityId, documentId);
      const finding = { ...newFinding(documentId, input, doc.findings.length), authorityId: actor.authorityId };
      await this.documents.for(actor.authorityId).insertFinding(finding);
      await this.audit.record({
        authorityId: actor.authorityId,
        entityType: 'document',
        entityId: documentId,
        event: 'finding_added',
        actorId: actor.userId,
        after: finding,
      });
      return finding;
    });
  }

  /** Review: correct a finding the importer read (text, section, timescale or partner). */
  async updateFinding(actor: Actor, documentId: string, findingId: string, changes: Partial<FindingInput>): Promise<Finding> {
    return this.review(actor, documentId, [findingId], 'finding_updated', async (documents, [finding]) => {
      const before = { ...finding };
      if (changes.text !== undefined) finding.text = fold(changes.text);
      if (changes.section !== undefined) finding.section = changes.section;
      if (changes.timescale !== undefined) finding.timescale = changes.timescale;
      if (changes.ownerOrg !== undefined) finding.ownerOrg = changes.ownerOrg;
      await documents.saveFinding(finding);
      return { before, after: finding, result: finding };
    });
  }

  /** Review: drop a finding that is not one (a strength read as a finding, say). */
  async dropFinding(actor: Actor, documentId: string, findingId: string): Promise<void> {
    await this.review(actor, documentId, [findingId], 'finding_dropped', async (documents, [finding]) => {
      await documents.deleteFindings([finding.id]);
      return { before: finding, after: null, result: undefined };
    });
  }

  /** Review: two or more findings that are really one; the first keeps its place, texts joined in order. */
  async mergeFindings(actor: Actor, documentId: string, findingIds: string[]): Promise<Finding> {
    const distinct = [...new Set(findingIds)];
    if (distinct.length < 2) throw badRequest('merge_needs_two', 'Choose at least two different findings to merge');
    return this.review(actor, documentId, distinct, 'findings_merged', async (documents, found) => {
      const [first, ...rest] = [...found].sort((a, b) => a.position - b.position);
      const before = found.map((f) => ({ ...f }));
      first.text = fold([first, ...rest].map((f) => f.text).join(' '));
      first.lineEnd = Math.max(...found.map((f) => f.lineEnd ?? f.lineStart ?? 0)) || first.lineEnd;
      await documents.saveFinding(first);
      await documents.deleteFindings(rest.map((f) => f.id));
      return { before, after: first, result: first };
    });
  }

  /** Review: one finding that is really several; each part becomes a finding in its place. */
  async splitFinding(actor: Actor, documentId: string, findingId: string, parts: string[]): Promise<Finding[]> {
    if (parts.filter((p) => p.trim()).length < 2) throw badRequest('split_needs_two', 'Give at least two non-empty parts to split the finding into');
    return this.review(actor, documentId, [findingId], 'finding_split', async (documents, [finding]) => {
      await documents.shiftFindings(documentId, finding.position, parts.length - 1);
      const created = parts.map((text, i) => ({ ...finding, id: i === 0 ? finding.id : newId(), text: fold(text), position: finding.position + i }));
      await documents.saveFinding(created[0]);
      for (const part of created.slice(1)) await documents.insertFinding(part);
      return { before: finding, after: created, result: created };
    });
  }

  get(authorityId: string, id: string): Promise<DocumentView> {
    return this.load(authorityId, id);
  }

  list(authorityId: string) {
    return this.documents.for(authorityId).list();
  }

  private async review<T>(
    actor: Actor,
    documentId: string,
    findingIds: string[],
    event: string,
    work: (documents: ReturnType<DocumentRepositories['for']>, findings: Finding[]) => Promise<{ before: unknown; after: unknown; result: T }>,
  ): Promise<T> {
    const documents = this.documents.for(actor.authorityId);
    return this.transactions.run(async () => {
      const doc = await this.load(actor.authorityId, documentId);
      const findings = findingIds.map((id) => doc.findings.find((f) => f.id === id));
      if (findings.some((f) => !f)) throw notFound('Finding');
      if (await documents.answeredCount(findingIds))
        throw new AppError(
          'unprocessable',
          'finding_in_use',
          'An action already answers this finding: change the action instead, or remove it from the draft plan first',
        );
      const { before, after, result } = await work(documents, findings as Finding[]);
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'document', entityId: documentId, event, actorId: actor.userId, before, after });
      return result;
    });
  }

  private async load(authorityId: string, id: string): Promise<DocumentView> {
    const document = await this.documents.for(authorityId).get(id);
    if (!document) throw notFound('Document');
    return document;
  }
}

function newFinding(documentId: string, f: FindingInput, position: number): Omit<Finding, 'authorityId'> {
  return {
    id: newId(),
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

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
