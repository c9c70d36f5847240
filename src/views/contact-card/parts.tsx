/** htmx: post the form and swap only its own section (on success and on 422); without JS it is a plain post. */
export function swapOwnSection(path: string, sectionId: string): Record<string, string> {
  return { 'hx-post': path, 'hx-target': `#${sectionId}`, 'hx-swap': 'outerHTML' };
}
