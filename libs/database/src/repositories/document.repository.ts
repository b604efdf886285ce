import { Injectable } from '@nestjs/common';
import { In, MoreThan } from 'typeorm';
import { ActionFinding, Finding, Judgement, SourceDocument } from '../entities';
import { TenantRepositories, TenantRepository } from './tenant-repository';

export type DocumentWithFindings = SourceDocument & { judgements: Judgement[]; findings: Finding[] };

type Owned<T> = Omit<T, 'authorityId'>;

/** Source documents with their judgements and findings (TypeORM finders). */
export class DocumentRepository extends TenantRepository {
  async get(id: string): Promise<DocumentWithFindings | null> {
    const where = { documentId: id, authorityId: this.authorityId };
    const document = await this.manager.findOneBy(SourceDocument, { id, authorityId: this.authorityId });
    if (!document) return null;
    const [judgements, findings] = await Promise.all([
      this.manager.find(Judgement, { where }),
      this.manager.find(Finding, { where, order: { position: 'ASC' } }),
    ]);
    return { ...document, judgements, findings };
  }

  byContentHash(contentHash: string): Promise<SourceDocument | null> {
    return this.manager.findOneBy(SourceDocument, { authorityId: this.authorityId, contentHash });
  }

  /** The list page's columns (no body), newest first. */
  list() {
    return this.manager.find(SourceDocument, {
      where: { authorityId: this.authorityId },
      select: { id: true, title: true, kind: true, inspectorates: true, publishedOn: true, inspectionStart: true, inspectionEnd: true, createdAt: true },
      order: { createdAt: 'DESC' },
    });
  }

  async insert(document: Owned<SourceDocument>, judgements: Owned<Judgement>[], findings: Owned<Finding>[]): Promise<void> {
    await this.manager.insert(SourceDocument, this.own(document));
    for (const j of judgements) await this.manager.insert(Judgement, this.own(j));
    for (const f of findings) await this.insertFinding(f);
  }

  async insertFinding(finding: Owned<Finding>): Promise<void> {
    await this.manager.insert(Finding, this.own(finding));
  }

  async saveFinding(finding: Owned<Finding>): Promise<void> {
    await this.manager.save(Finding, this.own(finding));
  }

  async deleteFindings(ids: string[]): Promise<void> {
    if (ids.length) await this.manager.delete(Finding, { authorityId: this.authorityId, id: In(ids) });
  }

  /** Moves the findings after `position` down by `by` places, to make room. */
  async shiftFindings(documentId: string, position: number, by: number): Promise<void> {
    const later = await this.manager.find(Finding, { where: { authorityId: this.authorityId, documentId, position: MoreThan(position) } });
    for (const f of later) await this.manager.update(Finding, { id: f.id, authorityId: this.authorityId }, { position: f.position + by });
  }

  /** How many action links answer these findings. */
  answeredCount(findingIds: string[]): Promise<number> {
    return this.manager.countBy(ActionFinding, { authorityId: this.authorityId, findingId: In(findingIds) });
  }

  private own<T>(row: Owned<T>): T {
    return { ...row, authorityId: this.authorityId } as T;
  }
}

@Injectable()
export class DocumentRepositories extends TenantRepositories<DocumentRepository> {
  protected readonly make = DocumentRepository;
}
