import { readFile } from 'node:fs/promises';
import { NOARK_SCHEMA_DIR, NOARK_SCHEMAS } from './extract.ts';

/** Which schema each XML file of an extract follows. */
export const EXTRACT_SCHEMAS = {
  'arkivstruktur.xml': 'arkivstruktur.xsd',
  'loependeJournal.xml': 'loependeJournal.xsd',
  'offentligJournal.xml': 'offentligJournal.xsd',
  'endringslogg.xml': 'endringslogg.xsd',
  'arkivuttrekk.xml': 'addml.xsd',
} as const;

/**
 * Validates an extract's XML files against Arkivverket's XSDs with libxml2 compiled to WebAssembly (xmllint-wasm: no
 * system tool needed). Returns the errors per file; empty when every file is valid.
 */
export async function validateExtract(directory: string): Promise<Record<string, string[]>> {
  const { validateXML } = await import('xmllint-wasm');
  const schemas = await Promise.all(
    NOARK_SCHEMAS.map(async (fileName) => ({ fileName, contents: await readFile(`${NOARK_SCHEMA_DIR}${fileName}`) })),
  );
  const errors: Record<string, string[]> = {};
  for (const [file, schema] of Object.entries(EXTRACT_SCHEMAS)) {
    const result = await validateXML({
      xml: { fileName: file, contents: await readFile(`${directory}/${file}`) },
      schema: schemas.find((s) => s.fileName === schema)!,
      preload: schemas.filter((s) => s.fileName !== schema),
      maxMemoryPages: 16384 * 4,
    });
    if (!result.valid) errors[file] = result.errors.map((e) => e.message);
  }
  return errors;
}
