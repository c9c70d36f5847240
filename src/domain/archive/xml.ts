/**
 * A small streaming XML writer for the archive extract: elements in the order the schema wants them, text escaped,
 * output in chunks to a sink (a file), so a municipality's years of journal posts never sit in memory as one string.
 */
export class XmlWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly sink: (chunk: string) => Promise<void> | void) {}

  raw(text: string): this {
    this.buffer.push(text);
    this.size += text.length;
    return this;
  }

  /** `<name>text</name>`; nothing when the value is null or undefined (an optional element left out). */
  el(name: string, value: string | number | null | undefined): this {
    if (value === null || value === undefined) return this;
    return this.raw(`<${name}>${escapeXml(String(value))}</${name}>`);
  }

  open(name: string, attributes: Record<string, string> = {}): this {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    return this.raw(`<${name}${attrs}>`);
  }

  close(name: string): this {
    return this.raw(`</${name}>`);
  }

  /** Hands what is buffered to the sink once it is large; call `flush(true)` at the end. */
  async flush(force = false): Promise<void> {
    if (!force && this.size < 64 * 1024) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (chunk) await this.sink(chunk);
  }
}

export function escapeXml(text: string): string {
  return (
    text
      // characters XML 1.0 cannot carry at all
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
