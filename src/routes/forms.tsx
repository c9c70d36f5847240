import { readForm } from './form-body.ts';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { findChildForm, listChildForms, parseAnswers, saveFormAnswer } from '../domain/forms/answer.ts';
import { audienceKey, listBroadcastAudiences } from '../domain/broadcasts/audience.ts';
import { broadcastsText } from '../i18n/broadcasts.ts';
import { audienceLabel } from '../views/broadcasts/parts.tsx';
import {
  addQuestion,
  createForm,
  findManagedForm,
  listManagedForms,
  requireFormAuthor,
  parseNewForm,
  parseQuestion,
  removeQuestion,
  sendForm,
  type ManagedForm,
} from '../domain/forms/builder.ts';
import { formResults, formResultsCsv } from '../domain/forms/results.ts';
import { requireGuardianChild } from '../domain/guardian/child.ts';
import { formsText } from '../i18n/forms.ts';
import { fill } from '../i18n/index.ts';
import { actorOf, requireActor } from '../middleware/session.ts';
import { formatDateTime } from '../views/components/dates.ts';
import { ChildFormAnswer, ChildFormsSection } from '../views/forms/guardian.tsx';
import { FormResultsPage, answerText } from '../views/forms/results.tsx';
import { FormBuilderPage, FormListPage, NewFormPage, type QuestionFormState } from '../views/forms/staff.tsx';
import { formPaths } from '../paths/forms.ts';
import { renderChildSection } from './child-section.tsx';
import { nowOf, todayOf } from './clock.ts';
import { idParam } from './params.ts';
import { isPartialRequest, pageContext, render } from './render.tsx';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const t = (c: Context<AppEnv>) => formsText[c.get('locale')];

async function builder(
  c: Context<AppEnv>,
  form: ManagedForm,
  extra: { question?: QuestionFormState; notice?: string } = {},
  status: 200 | 422 = 200,
) {
  const audiences = await listBroadcastAudiences(c.get('deps').db, actorOf(c), todayOf(c));
  const audience = audiences.find(
    (a) => audienceKey(a) === audienceKey({ kind: form.audienceKind, id: form.audienceId, trinn: form.audienceTrinn }),
  );
  const kind = broadcastsText[c.get('locale')].kind[form.audienceKind];
  const audienceName = audience
    ? `${kind}: ${audienceLabel(c.get('locale'), audience, audience.kind === 'trinn')}`
    : kind;
  return render(
    c,
    form.title,
    <FormBuilderPage page={pageContext(c)} form={form} audienceName={audienceName} {...extra} />,
    status,
  );
}

async function childForm(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const child = await requireGuardianChild(db, actorOf(c), idParam(c.req.param('id')!), todayOf(c));
  return { child, form: await findChildForm(db, child, idParam(c.req.param('formId')!)) };
}

/** G13, S9: forms and questionnaires: build, send, answer (once per child, editable until the deadline), results, CSV. */
export const formRoutes = new Hono<AppEnv>()
  .get(formPaths.list, async (c) =>
    render(
      c,
      t(c).title,
      <FormListPage page={pageContext(c)} forms={await listManagedForms(c.get('deps').db, actorOf(c))} />,
    ),
  )
  .get(formPaths.new, async (c) => {
    requireFormAuthor(actorOf(c));
    const audiences = await listBroadcastAudiences(c.get('deps').db, actorOf(c), todayOf(c));
    return render(c, t(c).newForm, <NewFormPage page={pageContext(c)} audiences={audiences} />);
  })
  .post(formPaths.create, async (c) => {
    const { db } = c.get('deps');
    const body = await readForm(c);
    const input = {
      title: text(body.title),
      description: text(body.description),
      deadline: text(body.deadline),
      audience: text(body.audience),
    };
    const parsed = parseNewForm(input, todayOf(c));
    if (!parsed.ok)
      return render(
        c,
        t(c).newForm,
        <NewFormPage
          page={pageContext(c)}
          audiences={await listBroadcastAudiences(db, actorOf(c), todayOf(c))}
          input={input}
          errors={parsed.errors}
        />,
        422,
      );
    const id = await createForm(db, actorOf(c), parsed.values, todayOf(c), nowOf(c));
    return c.redirect(formPaths.form(id), 303);
  })
  .get('/forms/:id', async (c) => {
    const form = await findManagedForm(c.get('deps').db, actorOf(c), idParam(c.req.param('id')));
    const sent = /^(\d+)-(\d+)$/.exec(c.req.query('sent') ?? '');
    return builder(c, form, {
      notice: sent ? fill(t(c).sent, { recipients: sent[1]!, guardians: sent[2]! }) : undefined,
    });
  })
  .post('/forms/:id/questions', async (c) => {
    const { db } = c.get('deps');
    const form = await findManagedForm(db, actorOf(c), idParam(c.req.param('id')));
    const body = await readForm(c);
    const input = {
      kind: text(body.kind),
      label: text(body.label),
      required: body.required === 'yes',
      options: text(body.options),
    };
    const parsed = parseQuestion(input);
    if (!parsed.ok) return builder(c, form, { question: { input, errors: parsed.errors } }, 422);
    await addQuestion(db, form, parsed.values);
    return c.redirect(formPaths.form(form.id), 303);
  })
  .post('/forms/:id/questions/:questionId/deletion', async (c) => {
    const { db } = c.get('deps');
    const form = await findManagedForm(db, actorOf(c), idParam(c.req.param('id')));
    await removeQuestion(db, form, idParam(c.req.param('questionId')));
    return c.redirect(formPaths.form(form.id), 303);
  })
  .post('/forms/:id/sending', async (c) => {
    const { db } = c.get('deps');
    const form = await findManagedForm(db, actorOf(c), idParam(c.req.param('id')));
    const sent = await sendForm(db, actorOf(c), form, todayOf(c), nowOf(c));
    return c.redirect(formPaths.sent(form.id, sent.recipients, sent.guardians), 303);
  })
  .get('/forms/:id/results', async (c) => {
    const { db } = c.get('deps');
    const form = await findManagedForm(db, actorOf(c), idParam(c.req.param('id')));
    const results = await formResults(db, actorOf(c), form, todayOf(c));
    return render(
      c,
      `${t(c).results}: ${form.title}`,
      <FormResultsPage page={pageContext(c)} form={form} results={results} />,
    );
  })
  .get('/forms/:id/results.csv', async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    const form = await findManagedForm(db, actor, idParam(c.req.param('id')));
    const page = pageContext(c);
    const labels = {
      header: [t(c).pupil, t(c).class, t(c).by, t(c).changed],
      hiddenName: t(c).hiddenName,
      when: formatDateTime,
      value: (i: number, v: string) => answerText(page, form.questions[i]!.kind, v),
    };
    const csv = await formResultsCsv(db, actor, form, await formResults(db, actor, form, todayOf(c)), labels, nowOf(c));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="skjema-${form.id}.csv"`,
    });
  })
  .get('/children/:id/forms', async (c) => {
    const { db } = c.get('deps');
    const child = await requireGuardianChild(db, actorOf(c), idParam(c.req.param('id')), todayOf(c));
    return renderChildSection(
      c,
      child,
      'forms',
      <ChildFormsSection
        page={pageContext(c)}
        child={child}
        forms={await listChildForms(db, child)}
        today={todayOf(c)}
      />,
    );
  })
  .get('/children/:id/forms/:formId', async (c) => {
    const { child, form } = await childForm(c);
    return renderChildSection(
      c,
      child,
      'forms',
      <ChildFormAnswer
        page={pageContext(c)}
        child={child}
        form={form}
        today={todayOf(c)}
        saved={c.req.query('saved') === '1'}
      />,
    );
  })
  .post('/children/:id/forms/:formId/answer', async (c) => {
    const { db } = c.get('deps');
    const { child, form } = await childForm(c);
    const parsed = parseAnswers(form.questions, await readForm(c, { all: true }));
    if (!parsed.ok)
      return renderChildSection(
        c,
        child,
        'forms',
        <ChildFormAnswer
          page={pageContext(c)}
          child={child}
          form={form}
          today={todayOf(c)}
          input={parsed.input}
          errors={parsed.errors}
        />,
        422,
      );
    await saveFormAnswer(db, actorOf(c), child, form, parsed.answers, todayOf(c), nowOf(c));
    if (!isPartialRequest(c)) return c.redirect(formPaths.childFormSaved(child.pupilId, form.id), 303);
    const saved = await findChildForm(db, child, form.id);
    return renderChildSection(
      c,
      child,
      'forms',
      <ChildFormAnswer page={pageContext(c)} child={child} form={saved} today={todayOf(c)} saved />,
    );
  });
