import { activityTypes, checkActivityCatalogue, mergeActivityCatalogue, type ActivityCatalogue, type ActivityCatalogueOverrides } from '@zhibu/domain';
import type { ActivityCatalogueResponse, ActivityTypeDefinitionDto } from '@zhibu/contracts';
import type { Deps } from '../../deps';
import { AppError, invalidField } from '../../errors';
import { appendAudit } from '../../lib/audit';
import { assertVersion, forbidIf } from '../../lib/records';
import { auditActorOf, type Actor } from '../../policy/actor';
import { activityTypesPolicy } from './activity-types.policy';
import * as repo from './activity-types.repository';

export function toDefinitionDtos(catalogue: ActivityCatalogue): ActivityTypeDefinitionDto[] {
  return activityTypes.map((type) => {
    const d = catalogue[type];
    return { ...d, heldBy: [...d.heldBy], minFrequency: d.minFrequency ? { ...d.minFrequency } : null, preferredQuarter: d.preferredQuarter ?? null };
  });
}

function resolveCourtId(actor: Actor, courtId: string | undefined): string {
  const id = courtId ?? activityTypesPolicy.defaultCourtId(actor);
  if (!id) throw invalidField('courtId', '请指定法院');
  return id;
}

export async function getCatalogue(deps: Deps, actor: Actor, courtIdParam?: string): Promise<ActivityCatalogueResponse> {
  const courtId = resolveCourtId(actor, courtIdParam);
  if (!activityTypesPolicy.read(actor, courtId)) throw new AppError('NOT_FOUND');
  const stored = await repo.findCatalogueOverrides(deps.db, courtId);
  return { courtId, items: toDefinitionDtos(mergeActivityCatalogue(stored.overrides)), overrides: stored.overrides as never, version: stored.version };
}

export async function updateCatalogue(deps: Deps, actor: Actor, input: { courtId: string; overrides: ActivityCatalogueOverrides; version: number }): Promise<ActivityCatalogueResponse> {
  forbidIf(!activityTypesPolicy.manage(actor, input.courtId));
  const problems = checkActivityCatalogue(mergeActivityCatalogue(input.overrides));
  if (problems.length) throw invalidField('overrides', problems.join('；'));
  await deps.db.transaction(async (tx) => {
    const stored = await repo.findCatalogueOverrides(tx, input.courtId);
    assertVersion(stored.version, input.version);
    await repo.saveCatalogueOverrides(tx, input.courtId, input.overrides, stored, deps.now());
    await appendAudit(tx, auditActorOf(actor), {
      action: 'activityCatalogue.update',
      entity: 'settings',
      entityId: `${repo.CATALOGUE_KEY}:${input.courtId}`,
      courtId: input.courtId,
      before: stored.overrides,
      after: input.overrides,
    });
  });
  return getCatalogue(deps, actor, input.courtId);
}
