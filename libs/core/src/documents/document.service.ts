import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Timescale } from '../../../domain/src';
import { Finding, Judgement, SourceDocument } from '../../../database/src/entities';
import { notFound } from '../app-error';
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
        id: newId(), authorityId: actor.authorityId, title: input.title.trim(), kind: input.kind, inspectorates: input.inspectorates,
        inspectionStart: input.inspectionStart ?? null, inspectionEnd: input.inspectionEnd ?? null, publishedOn: input.publishedOn ?? null,
        contentHash: input.contentHash ?? null, body: input.body ?? null, createdById: actor.userId, createdAt: this.clock.nowIso(),
      };
      await tx.insert(SourceDocument, document);
      for (const j of input.judgements ?? []) {
        await tx.insert(Judgement, { id: newId(), authorityId: actor.authorityId, documentId: document.id, area: j.area, grade: j.grade, label: j.label ?? null, scale: j.scale });
      }
      let position = 0;
      for (const f of input.findings ?? []) await tx.insert(Finding, this.newFinding(actor.authorityId, document.id, f, position++));
      const { body: _body, ...summary } = document;
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'document', entityId: document.id, event: 'document_created', actorId: actor.userId, after: { ...summary, findings: input.findings?.length ?? 0 } }, tx);
      return { document: await this.load(tx, actor.authorityId, document.id), created: true };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  async addFinding(actor: Actor, documentId: string, input: FindingInput): Promise<Finding> {
    return this.db.transaction(async (tx) => {
      const doc = await this.load(tx, actor.authorityId, documentId);
      const finding = this.newFinding(actor.authorityId, documentId, input, doc.findings.length);
      await tx.insert(Finding, finding);
      await this.audit.record({ authorityId: actor.authorityId, entityType: 'document', entityId: documentId, event: 'finding_added', actorId: actor.userId, after: finding }, tx);
      return finding;
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
      id: newId(), authorityId, documentId, section: f.section, timescale: f.timescale, text: f.text.replace(/\s+/g, ' ').trim(),
      ownerOrg: f.ownerOrg ?? null, lineStart: f.lineStart ?? null, lineEnd: f.lineEnd ?? null, position,
    };
  }
}
