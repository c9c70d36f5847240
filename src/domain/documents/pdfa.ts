import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { PDFDocument } from 'pdf-lib';
import { ROOT_URL } from '../../root.ts';
import { escapeXml } from '../archive/xml.ts';
import { loadPdfLib } from './pdf-lib.ts';

/** The ICC's sRGB profile (assets/icc, with its note): the output intent of every document. */
const ICC_URL = new URL('assets/icc/sRGB_IEC61966-2-1.icc', ROOT_URL);
let iccBytes: Promise<Buffer> | undefined;

export interface PdfAFacts {
  title: string;
  author: string;
  /** BCP 47, e.g. 'nb-NO'. */
  language: string;
  creator: string;
  producer: string;
  date: Date;
}

/**
 * D7: makes a document PDF/A-2b where Skolebro makes it — the archive keeps it as it was sent. The fonts are embedded
 * already (renderLetterPdf subsets DejaVu Sans); this adds what PDF/A asks for beyond that: XMP metadata matching the
 * document information (title, author, language, dates, producer) with the PDF/A identification (part 2,
 * conformance B), an output intent with the sRGB ICC profile (the letters use DeviceRGB), and a file identifier in the
 * trailer. No encryption, no JavaScript, no transparency groups are used by the renderer. Not checked here: a full
 * validation with veraPDF (not on this machine; README, "Archive").
 */
export async function makePdfA(pdf: PDFDocument, facts: PdfAFacts): Promise<void> {
  const { pdfLib } = await loadPdfLib();
  const { PDFName, PDFString, PDFHexString } = pdfLib;
  const context = pdf.context;
  iccBytes ??= readFile(ICC_URL);
  const icc = context.register(context.flateStream(await iccBytes, { N: 3 }));
  const intent = context.register(
    context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
      Info: PDFString.of('sRGB IEC61966-2.1'),
      DestOutputProfile: icc,
    }),
  );
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  const xmp = Buffer.from(xmpPacket(facts), 'utf8');
  const metadata = context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: xmp.length }));
  pdf.catalog.set(PDFName.of('Metadata'), metadata);
  // the file identifier: the same facts give the same id (byte-identical output for a fixed date)
  const id = createHash('md5').update(JSON.stringify(facts)).digest('hex');
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}

/** The XMP packet: PDF/A identification, Dublin Core, XMP basic and PDF properties, equal to the Info dictionary. */
function xmpPacket(facts: PdfAFacts): string {
  const date = facts.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = (value: string) => escapeXml(value);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${text(facts.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${text(facts.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>${text(facts.language)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>${text(facts.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${text(facts.producer)}</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
