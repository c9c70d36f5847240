import type { Children } from '@kitajs/html';

export { ErrorSummary, Notice } from '../components/form.tsx';

export const sectionClass = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4';
export const primaryButton = 'rounded bg-sky-800 px-4 py-2 font-semibold text-white hover:bg-sky-900';
export const secondaryButton = 'rounded border border-slate-500 px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100';

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  maxlength?: number;
  multiline?: boolean;
}

/** A labelled input with its hint and error tied to it (aria-describedby), the typed value kept. */
export function Field(props: FieldProps) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const inputClass = `w-full rounded border p-2 ${props.error ? 'border-2 border-red-800' : 'border-slate-500'}`;
  return (
    <div class="space-y-1">
      <label for={props.id} class="block font-semibold" safe>{props.label}</label>
      {props.hint ? <p id={`${props.id}-hint`} class="text-sm text-slate-700" safe>{props.hint}</p> : ''}
      {props.error ? <p id={`${props.id}-error`} class="font-semibold text-red-900" safe>{props.error}</p> : ''}
      {props.multiline ? (
        <textarea id={props.id} name={props.name} rows="3" maxlength={props.maxlength} class={inputClass} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy} safe>
          {props.value}
        </textarea>
      ) : (
        <input
          id={props.id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          maxlength={props.maxlength}
          class={inputClass}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </div>
  );
}

/** htmx: post the form and swap only its own section (on success and on 422); without JS it is a plain post. */
export function swapOwnSection(path: string, sectionId: string): Record<string, string> {
  return { 'hx-post': path, 'hx-target': `#${sectionId}`, 'hx-swap': 'outerHTML' };
}

export function Section({ id, heading, oob, children }: { id: string; heading: string; oob?: boolean; children: Children }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} class={sectionClass} {...(oob ? { 'hx-swap-oob': 'true' } : {})}>
      <h2 id={`${id}-heading`} class="text-xl font-semibold" safe>{heading}</h2>
      {children}
    </section>
  );
}
