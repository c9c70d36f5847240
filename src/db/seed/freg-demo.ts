import { fregDocument, type DocumentFacts } from '../../domain/freg/build.ts';
import { importFreg } from '../../domain/freg/import.ts';
import { parseFregText } from '../../domain/freg/source.ts';
import { syntheticIdentityNumber } from '../../domain/person/fodselsnummer.ts';
import type { Db } from '../database.ts';
import { todayIso } from './calendar.ts';
import { DEMO_LOGINS } from './demo.ts';
import { fregFactsFromPlan } from './freg.ts';
import { buildSeedPlan } from './seed.ts';

/**
 * For the demo only (`npm start` on an empty database): the quarterly Folkeregisteret import (the whole register
 * extract, nothing new) and then a small one with changes at Bjørkelia skole, so /freg-imports shows a change report:
 * a far loses foreldreansvar, a mor moves, a family gets a fortrolig address, a pupil moves abroad, a guardian dies,
 * and a grandmother gets foreldreansvar. No demo login is touched.
 */
export async function seedDemoFregImports(db: Db, options: { today?: string; now?: Date } = {}): Promise<void> {
  const today = options.today ?? todayIso();
  const now = options.now ?? new Date();
  const plan = buildSeedPlan('demo', today);
  const facts = fregFactsFromPlan(plan);
  const run = (name: string, list: DocumentFacts[]) =>
    importFreg(
      db,
      { name, read: async () => parseFregText(list.map((f) => JSON.stringify(fregDocument(f))).join('\n')) },
      { now },
    );
  await run('demo:uttrekk-kvartal.jsonl', facts);

  const bjorkelia = plan.schools.findIndex((s) => s.name === 'Bjørkelia skole');
  const logins = new Set(DEMO_LOGINS.map((l) => l.fodselsnummer));
  const pupilNumbers = new Set(
    plan.enrolments
      .filter((e) => e.school === bjorkelia && e.ends_on === null)
      .map((e) => plan.persons[e.pupil]!.fodselsnummer),
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  // Children with two parents who share foreldreansvar, far from the fixed demo families (they come first).
  const children = facts
    .filter((f) => pupilNumbers.has(f.id) && f.parents?.length === 2 && f.responsibility?.[0]?.ansvar === 'felles')
    .filter((f) => !f.parents!.some((p) => logins.has(p.id)))
    .slice(-6);
  if (children.length < 6) return;
  const changed = new Map<string, DocumentFacts>();
  const edit = (id: string, change: Partial<DocumentFacts>) =>
    changed.set(id, { ...(changed.get(id) ?? byId.get(id)!), ...change });
  const parent = (child: DocumentFacts, role: 'mor' | 'far') => child.parents!.find((p) => p.role === role)?.id;
  const [lost, moved, fortrolig, abroad, death, grandmother] = children as [DocumentFacts, ...DocumentFacts[]];

  const far = parent(lost, 'far');
  const mor = parent(lost, 'mor');
  if (far && mor) edit(lost.id, { responsibility: [{ ansvar: 'mor', ansvarlig: mor }] });
  const movingMor = parent(moved!, 'mor');
  if (movingMor)
    edit(movingMor, { address: { street: 'Fjordvegen', number: '21', postalCode: '3701', postalPlace: 'Bjørkelia' } });
  edit(fortrolig!.id, { protection: 'fortrolig' });
  for (const p of fortrolig!.parents!) edit(p.id, { protection: 'fortrolig' });
  edit(abroad!.id, { movedOutTo: 'SWE', address: null });
  const dying = parent(death!, 'far');
  if (dying) edit(dying, { dead: today });
  const granny = syntheticIdentityNumber('1958-04-17', 7);
  changed.set(granny, {
    id: granny,
    given: 'Randi',
    family: grandmother!.family,
    birthDate: '1958-04-17',
    address: byId.get(grandmother!.id)!.address,
  });
  edit(grandmother!.id, {
    responsibility: [...(grandmother!.responsibility ?? []), { ansvar: 'andre', ansvarlig: granny }],
  });
  await run('demo:endringer.jsonl', [...changed.values()]);
}
