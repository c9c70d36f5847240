/** Shared form pieces: a labelled field, the saved-change receipt and the error summary (WCAG 3.3.1). */

/** A receipt after a saved change, read out by screen readers. */
export function Notice({ text }: { text?: string }) {
  return text ? (
    <p class="rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-950" role="status" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

/** The error summary: one link per field in error, focused (also after an htmx swap) so it is read first. */
export function ErrorSummary({ heading, errors }: { heading: string; errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return '';
  return (
    <div class="rounded border-2 border-red-800 bg-red-50 p-3" role="alert" tabindex="-1" {...{ autofocus: true }}>
      <p class="font-semibold" safe>
        {heading}
      </p>
      <ul class="mt-1 list-disc pl-5">
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`} class="text-red-900 underline" safe>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

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
  const describedBy =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const inputClass = `w-full rounded border p-2 ${props.error ? 'border-2 border-red-800' : 'border-slate-500'}`;
  return (
    <div class="space-y-1">
      <label for={props.id} class="block font-semibold" safe>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="text-sm text-slate-700" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p id={`${props.id}-error`} class="font-semibold text-red-900" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      {props.multiline ? (
        <textarea
          id={props.id}
          name={props.name}
          rows="3"
          maxlength={props.maxlength}
          class={inputClass}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
          safe
        >
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

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  /** The choices; an empty first choice ("–") is added when `empty` is set. */
  options: { value: string; label: string }[];
  empty?: boolean;
}

/** A labelled select with its hint and error tied to it, the chosen value kept (the Field of choices). */
export function SelectField(props: SelectFieldProps) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="space-y-1">
      <label for={props.id} class="block font-semibold" safe>
        {props.label}
      </label>
      {props.hint ? (
        <p id={`${props.id}-hint`} class="text-sm text-slate-700" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {props.error ? (
        <p id={`${props.id}-error`} class="font-semibold text-red-900" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <select
        id={props.id}
        name={props.name}
        class={`w-full rounded border bg-white p-2 ${props.error ? 'border-2 border-red-800' : 'border-slate-500'}`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.empty ? <option value="">–</option> : ''}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
