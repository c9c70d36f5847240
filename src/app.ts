import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from './app-env.ts';
import { fingerprintedAssets } from './middleware/assets.ts';
import { ROOT_URL } from './root.ts';
import { compress } from './middleware/compress.ts';
import { localeFromCookie } from './middleware/locale.ts';
import { requestLog } from './middleware/request-log.ts';
import { csrfProtection, securityHeaders } from './middleware/security.ts';
import { smsWebhookPaths } from './paths/sms-webhook.ts';
import { notFound, onError } from './routes/errors.tsx';
import { health } from './routes/health.ts';
import { language } from './routes/language.ts';
import { pages } from './routes/pages.tsx';
import { authRoutes } from './routes/auth.tsx';
import { home } from './routes/home.tsx';
import { mobileRoutes } from './routes/mobile.tsx';
import { pupils } from './routes/pupils.tsx';
import { children } from './routes/children.tsx';
import { consentRoutes } from './routes/consents.tsx';
import { contactCardRoutes } from './routes/contact-card.tsx';
import { documentRoutes } from './routes/documents.tsx';
import { timetableRoutes } from './routes/timetable.tsx';
import { myDataRoutes } from './routes/my-data.tsx';
import { absenceRoutes } from './routes/absence.tsx';
import { attendanceRoutes } from './routes/attendance.tsx';
import { leaveRoutes } from './routes/leave.tsx';
import { sfoPlaceRoutes } from './routes/sfo-places.tsx';
import { careGuardianRoutes } from './routes/care-guardian.tsx';
import { careMessageRoutes } from './routes/care-messages.tsx';
import { sfoSupportRoutes } from './routes/sfo-support.tsx';
import { kindergartenOfficeRoutes } from './routes/kindergarten-office.tsx';
import { careBoardRoutes } from './routes/care-board.tsx';
import { applicationRoutes } from './routes/applications.tsx';
import { vitnemalRoutes } from './routes/vitnemal.tsx';
import { ownerSettingsRoutes } from './routes/owner-settings.tsx';
import { archiveRoutes } from './routes/archive.tsx';
import { privacyStatementRoutes } from './routes/privacy-statements.tsx';
import { messageRoutes } from './routes/messages.tsx';
import { broadcastRoutes } from './routes/broadcasts.tsx';
import { newsRoutes } from './routes/news.tsx';
import { formRoutes } from './routes/forms.tsx';
import { letterRoutes } from './routes/letters.tsx';
import { fregReportRoutes } from './routes/freg-reports.tsx';
import { officeRoutes } from './routes/office.tsx';
import { officeStaffRoutes } from './routes/office-staff.tsx';
import { officeGroupRoutes } from './routes/office-groups.tsx';
import { officeTimetableRoutes } from './routes/office-timetable.tsx';
import { officeRolloverRoutes } from './routes/office-rollover.tsx';
import { skoleruteRoutes } from './routes/skolerute.tsx';
import { officePupilRoutes } from './routes/office-pupils.tsx';
import { devOutboxRoutes } from './routes/dev-outbox.tsx';
import { smsWebhookRoutes } from './routes/sms-webhook.tsx';
import { sfoAdminRoutes } from './routes/sfo-admin.tsx';
import { schoolStatisticsRoutes } from './routes/school-statistics.tsx';
import { developmentOnly } from './middleware/development-only.ts';
import { requireActor, requireFreshLogin, sessionFromCookie } from './middleware/session.ts';
import { isPublicRequest } from './routes/public-paths.ts';

export type { AppDeps } from './app-env.ts';

export const PUBLIC_DIR = fileURLToPath(new URL('public', ROOT_URL));

/** Builds the whole web application; the server and the tests both start here. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const assets = fingerprintedAssets(PUBLIC_DIR, { watch: deps.config.env === 'development' });
  app.use(
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('deps', deps);
      c.set('assets', assets.urls());
      await next();
    }),
  );
  if (deps.log) app.use(requestLog(deps.log));
  app.use(compress);
  app.use(securityHeaders({ https: deps.config.baseUrl.startsWith('https:'), formActionOrigins: deps.oidc.origins() }));
  // The CSS and htmx under their content hash, cached for a year; everything else in public/ as it is.
  app.use('/assets/*', assets.serve);
  app.use(
    '/assets/*',
    serveStatic({ root: PUBLIC_DIR, precompressed: true, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }),
  );
  app.use(localeFromCookie);
  // The SMS gateway's webhook is server to server, authenticated by an HMAC of its body (src/routes/sms-webhook.tsx).
  app.use(
    csrfProtection({
      trustedOrigins: [new URL(deps.config.baseUrl).origin],
      exempt: (path) => path === smsWebhookPaths.webhook,
    }),
  );
  app.use(sessionFromCookie);
  app.use('/dev/*', developmentOnly);
  // Protected by default: only the routes in src/routes/public-paths.ts answer anonymous visitors.
  app.use(requireActor(isPublicRequest));
  // A session made from a remembered device ("Husk meg") logs in afresh before a sensitive page.
  app.use(requireFreshLogin);

  app.route('/', health);
  app.route('/', pages);
  app.route('/', privacyStatementRoutes);
  app.route('/', language);
  app.route('/', authRoutes({ demo: !deps.config.idporten }));
  app.route('/', home);
  app.route('/', mobileRoutes);
  app.route('/', pupils);
  app.route('/', children);
  app.route('/', consentRoutes);
  app.route('/', contactCardRoutes);
  app.route('/', documentRoutes);
  app.route('/', timetableRoutes);
  app.route('/', myDataRoutes);
  app.route('/', absenceRoutes);
  app.route('/', attendanceRoutes);
  app.route('/', leaveRoutes);
  app.route('/', sfoPlaceRoutes);
  app.route('/', applicationRoutes);
  app.route('/', vitnemalRoutes);
  app.route('/', ownerSettingsRoutes);
  app.route('/', archiveRoutes);
  app.route('/', fregReportRoutes);
  app.route('/', messageRoutes);
  app.route('/', broadcastRoutes);
  app.route('/', newsRoutes);
  app.route('/', formRoutes);
  app.route('/', letterRoutes);
  app.route('/', officeRoutes);
  app.route('/', officeStaffRoutes);
  app.route('/', officeGroupRoutes);
  app.route('/', officeTimetableRoutes);
  app.route('/', officeRolloverRoutes);
  app.route('/', skoleruteRoutes);
  app.route('/', officePupilRoutes);
  app.route('/', devOutboxRoutes);
  app.route('/', smsWebhookRoutes);
  app.route('/', sfoAdminRoutes);
  app.route('/', schoolStatisticsRoutes);
  app.route('/', sfoSupportRoutes);
  app.route('/', kindergartenOfficeRoutes);
  app.route('/', careGuardianRoutes);
  app.route('/', careMessageRoutes);
  app.route('/', careBoardRoutes);

  app.notFound(notFound);
  app.onError(onError);
  return app;
}
