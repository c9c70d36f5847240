import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/**
 * A POSIX ustar archive of files already on disk, written without any system tool: a 512-byte header per file, the
 * bytes padded to 512, two empty blocks at the end. Names are relative paths ≤ 100 bytes (or split at a slash into
 * prefix and name, ≤ 155 + 100), as the extract's are.
 */
export async function writeTar(target: string, root: string, names: string[], mtime = new Date()): Promise<void> {
  const out = createWriteStream(target);
  const blocks = async function* () {
    for (const name of names) {
      const path = `${root}/${name}`;
      const { size } = await stat(path);
      yield header(name, size, mtime);
      for await (const chunk of createReadStream(path)) yield chunk as Buffer;
      const pad = (512 - (size % 512)) % 512;
      if (pad) yield Buffer.alloc(pad);
    }
    yield Buffer.alloc(1024);
  };
  await pipeline(Readable.from(blocks()), out);
}

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: name too long: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const put = (value: string, offset: number, length: number) => block.write(value, offset, length, 'utf8');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0');
  put(base, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put('        ', 148, 8); // the checksum counts its own field as spaces
  put('0', 156, 1);
  put('ustar\u000000', 257, 8);
  put(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${octal(sum, 7)}\u0000 `, 148, 8);
  return block;
}
