import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { loadChildCare } from '../domain/care/child-care.ts';
import {
  addHoliday,
  addPickupPerson,
  removeDayChange,
  removeHoliday,
  removePickupPerson,
  saveCareWeek,
  saveDayChange,
  saveDayNotes,
  setWalkAlone,
  type WeekInput,
} from '../domain/care/child-care-plan.ts';
import { careGuardianText } from '../i18n/care-guardian.ts';
import { fill, formatDate } from '../i18n/index.ts';
import { actorOf } from '../middleware/session.ts';
import { CARE_SAVED, careGuardianPaths, type CareSaved, type CareSection } from '../paths/care-guardian.ts';
import { CareGuardianPage, CareSectionView, SAVED_SECTION, type CarePageState } from '../views/care/guardian-page.tsx';
import { nowOf, todayOf } from './clock.ts';
import { readForm } from './form-body.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const childIdOf = (c: Context<AppEnv>) => idParam(c.req.param('childId') ?? '');

/**
 * The page (or, for htmx, one section): the care is loaded through the actor's care reach (out of reach → 404).
 * `section` set: an htmx request gets only that section; a browser without JavaScript the whole page.
 */
async function show(c: Context<AppEnv>, state: CarePageState, section?: CareSection, status: 200 | 422 = 200) {
  const care = await loadChildCare(c.get('deps').db, actorOf(c), childIdOf(c), todayOf(c), nowOf(c));
  const page = pageContext(c);
  c.header('Vary', 'HX-Request');
  if (section && isPartialRequest(c))
    return c.html(<CareSectionView page={page} care={care} state={state} section={section} />, status);
  const title = fill(careGuardianText[page.locale].heading, { name: care.givenName });
  return render(c, title, <CareGuardianPage page={page} care={care} state={state} />, status);
}

/** After a save: htmx gets the section with its receipt, a plain form a 303 back to the section (PRG). */
function saved(c: Context<AppEnv>, what: CareSaved) {
  const section = SAVED_SECTION[what];
  if (isPartialRequest(c)) return show(c, { saved: what }, section);
  return c.redirect(careGuardianPaths.saved(childIdOf(c), what, section), 303);
}

const savedOf = (c: Context<AppEnv>): CareSaved | undefined => CARE_SAVED.find((s) => s === c.req.query('saved'));

/**
 * The guardian's daily care of one child (issue 13; G11, K1): today's times and notes, the week ahead, the regular
 * week, a change for a date, pickup, holidays. Only a guardian of the child (with a place that covers today) sees and
 * writes it; staff of the unit may see it (no forms); everyone else, and any id out of reach, gets a 404. Every
 * form works without JavaScript (303 or 422 with the values kept); with htmx it swaps its own section.
 */
export const careGuardianRoutes = new Hono<AppEnv>()
  .get('/care/children/:childId', (c) => show(c, { saved: savedOf(c) }))
  .post('/care/children/:childId/week', async (c) => {
    const body = await readForm(c);
    const input: WeekInput = {};
    for (let w = 1; w <= 5; w++) input[w] = { arrives: text(body[`arrives_${w}`]), leaves: text(body[`leaves_${w}`]) };
    const result = await saveCareWeek(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { week: { input, errors: result.errors } }, 'week', 422);
    return saved(c, 'week');
  })
  .post('/care/children/:childId/days', async (c) => {
    const body = await readForm(c);
    const input = {
      date: text(body.date),
      kind: text(body.kind),
      arrives: text(body.arrives),
      leaves: text(body.leaves),
    };
    const result = await saveDayChange(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { change: { input, errors: result.errors } }, 'plan', 422);
    return saved(c, 'days');
  })
  .post('/care/children/:childId/days/:date/delete', async (c) => {
    const date = c.req.param('date');
    const result = await removeDayChange(c.get('deps').db, actorOf(c), childIdOf(c), date, nowOf(c));
    if (!result.ok)
      return show(
        c,
        { change: { input: { date: formatDate(date), kind: '', arrives: '', leaves: '' }, errors: result.errors } },
        'plan',
        422,
      );
    return saved(c, 'removed');
  })
  .post('/care/children/:childId/notes', async (c) => {
    const body = await readForm(c);
    const input = {
      date: text(body.date),
      pickupMessage: text(body.pickup_message),
      guardianNote: text(body.guardian_note),
    };
    const result = await saveDayNotes(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { notes: { input, errors: result.errors } }, 'today', 422);
    return saved(c, 'notes');
  })
  .post('/care/children/:childId/pickup-persons', async (c) => {
    const body = await readForm(c);
    const input = { name: text(body.name), phone: text(body.phone), relation: text(body.relation) };
    const result = await addPickupPerson(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { pickup: { input, errors: result.errors } }, 'pickup', 422);
    return saved(c, 'pickup');
  })
  .post('/care/children/:childId/pickup-persons/:id/delete', async (c) => {
    await removePickupPerson(c.get('deps').db, actorOf(c), childIdOf(c), idParam(c.req.param('id')), nowOf(c));
    return saved(c, 'pickupRemoved');
  })
  .post('/care/children/:childId/walk-alone', async (c) => {
    const body = await readForm(c);
    const input = { walksAlone: body.walks_alone === 'yes', from: text(body.from) };
    const result = await setWalkAlone(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { walk: { input, errors: result.errors } }, 'pickup', 422);
    return saved(c, 'walk');
  })
  .post('/care/children/:childId/holidays', async (c) => {
    const body = await readForm(c);
    const input = { from: text(body.from), to: text(body.to) };
    const result = await addHoliday(c.get('deps').db, actorOf(c), childIdOf(c), input, nowOf(c));
    if (!result.ok) return show(c, { holiday: { input, errors: result.errors } }, 'holidays', 422);
    return saved(c, 'holiday');
  })
  .post('/care/children/:childId/holidays/:id/delete', async (c) => {
    await removeHoliday(c.get('deps').db, actorOf(c), childIdOf(c), idParam(c.req.param('id')), nowOf(c));
    return saved(c, 'holidayRemoved');
  });
