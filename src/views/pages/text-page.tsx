/** A page of one heading and one paragraph (accessibility statement, privacy). */
export function TextPage({ title, body }: { title: string; body: string }) {
  return (
    <article class="max-w-prose space-y-4">
      <h1 class="text-3xl font-bold" safe>
        {title}
      </h1>
      <p safe>{body}</p>
    </article>
  );
}
