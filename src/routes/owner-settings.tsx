import { readForm } from './form-body.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { findOwnerSettings, parseOwnerSettings, saveOwnerSettings } from '../domain/school/owner-settings.ts';
import { ownerSettingsText } from '../i18n/owner-settings.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { ownerSettingsPaths } from '../paths/owner-settings.ts';
import { OwnerSettingsPage } from '../views/owner-settings/page.tsx';
import { nowOf } from './clock.ts';
import { idParam } from './params.ts';
import { pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The school owner's rules: leave limit (G7), absence follow-up time (S4), SFO free hours (issue 12). Others get 404. */
export const ownerSettingsRoutes = new Hono<AppEnv>()
  .get(ownerSettingsPaths.page, async (c) => {
    const settings = await findOwnerSettings(c.get('deps').db, actorOf(c));
    return render(
      c,
      ownerSettingsText[c.get('locale')].title,
      <OwnerSettingsPage page={pageContext(c)} settings={settings} saved={c.req.query('saved') === '1'} />,
    );
  })
  .post('/municipalities/:id/settings', async (c) => {
    const { db } = c.get('deps');
    const municipalityId = idParam(c.req.param('id'));
    const body = await readForm(c);
    const input = {
      leaveLimitDays: text(body.leave_limit_days),
      absenceFollowUpTime: text(body.absence_follow_up_time),
      sfoFreeHoursPerWeek: text(body.sfo_free_hours_per_week),
      sfoFreeHoursLastTrinn: text(body.sfo_free_hours_last_trinn),
    };
    const parsed = parseOwnerSettings(input);
    if (!parsed.ok) {
      const settings = await findOwnerSettings(db, actorOf(c));
      if (!settings.some((s) => s.municipalityId === municipalityId)) return c.notFound();
      return render(
        c,
        ownerSettingsText[c.get('locale')].title,
        <OwnerSettingsPage
          page={pageContext(c)}
          settings={settings}
          form={{ municipalityId, input, errors: parsed.errors }}
        />,
        422,
      );
    }
    await saveOwnerSettings(db, actorOf(c), municipalityId, parsed.values, nowOf(c));
    return c.redirect(ownerSettingsPaths.saved, 303);
  });
