import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Evidence } from '@app/database/entities';
import { EvidenceRepositories } from '@app/database/repositories/evidence.repository';
import { ActionService } from '../actions/action.service';
import { formatSize } from '@app/domain/wording';
import { AppError, badRequest, notFound } from '../app-error';
import { Clock } from '../clock';
import { newId } from '../ids';
import { Actor } from '../request-context';
import { sniffEvidenceType } from './evidence-type';

export interface EvidenceFile {
  title?: string;
  originalName: string;
  bytes: Buffer;
}

/** Evidence that an action is done: uploaded files (kept on disk under the data folder), links and notes. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepositories,
    private readonly actions: ActionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async addFile(actor: Actor, actionId: string, file: EvidenceFile) {
    if (file.bytes.length === 0) throw badRequest('empty_file', 'The file is empty: choose the file again');
    if (file.bytes.length > this.config.evidenceMaxBytes) {
      throw new AppError(
        'payload_too_large',
        'file_too_large',
        `The file is larger than the ${formatSize(this.config.evidenceMaxBytes)} limit: choose a smaller file, or split it in two`,
      );
    }
    const mimeType = await sniffEvidenceType(file.bytes);
    const id = newId();
    const stored = this.filePath(actor.authorityId, id);
    await fs.mkdir(path.dirname(stored), { recursive: true });
    await fs.writeFile(stored, file.bytes, { flag: 'wx' });
    try {
      return await this.actions.append(actor, actionId, 'action.evidence', async (_action, actions) => {
        const evidence = this.newEvidence(actor, actionId, id, 'file', file.title?.trim() || safeName(file.originalName));
        Object.assign(evidence, {
          fileName: safeName(file.originalName),
          mimeType,
          sizeBytes: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
        });
        await actions.addEvidence(evidence);
        return { event: 'evidence_added', record: evidence };
      });
    } catch (error) {
      await fs.rm(stored, { force: true });
      throw error;
    }
  }

  async addLink(actor: Actor, actionId: string, title: string, url: string) {
    return this.actions.append(actor, actionId, 'action.evidence', async (_action, actions) => {
      const evidence = { ...this.newEvidence(actor, actionId, newId(), 'link', title.trim()), url };
      await actions.addEvidence(evidence);
      return { event: 'evidence_added', record: evidence };
    });
  }

  async addNote(actor: Actor, actionId: string, title: string, note: string) {
    return this.actions.append(actor, actionId, 'action.evidence', async (_action, actions) => {
      const evidence = { ...this.newEvidence(actor, actionId, newId(), 'note', title.trim()), note: note.trim() };
      await actions.addEvidence(evidence);
      return { event: 'evidence_added', record: evidence };
    });
  }

  async open(actor: Actor, actionId: string, evidenceId: string) {
    const evidence = await this.evidence.for(actor.authorityId).get(actionId, evidenceId);
    if (!evidence || evidence.kind !== 'file') throw notFound('Evidence file');
    return { evidence, bytes: await fs.readFile(this.filePath(actor.authorityId, evidence.id)) };
  }

  private filePath(authorityId: string, evidenceId: string) {
    return path.join(this.config.dataDir, 'evidence', authorityId, evidenceId);
  }

  private newEvidence(actor: Actor, actionId: string, id: string, kind: Evidence['kind'], title: string): Evidence {
    return {
      id,
      authorityId: actor.authorityId,
      actionId,
      kind,
      title,
      url: null,
      note: null,
      fileName: null,
      mimeType: null,
      sizeBytes: null,
      sha256: null,
      addedById: actor.userId,
      createdAt: this.clock.nowIso(),
    };
  }
}

const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[^\w.\- ()]+/g, '_')
    .slice(0, 200) || 'evidence';
