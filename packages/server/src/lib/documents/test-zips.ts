import { spawnSync } from 'node:child_process';

// Independent readers for the zips we write: Python's zipfile (always present in the test
// images) and Info-ZIP's `unzip -t` when installed. Neither shares a line of code with ours.

export interface ExtractedEntry {
  name: string;
  size: number;
  compressType: number;
  sha256: string;
  flagBits: number;
  dateTime: number[];
}

const PYTHON = String.raw`
import hashlib, json, os, sys, zipfile
path, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(path) as z:
    bad = z.testzip()
    entries = []
    for i in z.infolist():
        data = z.read(i)
        entries.append({'name': i.filename, 'size': i.file_size, 'compressType': i.compress_type,
                        'sha256': hashlib.sha256(data).hexdigest(), 'flagBits': i.flag_bits, 'dateTime': list(i.date_time)})
    if out:
        z.extractall(out)
print(json.dumps({'bad': bad, 'entries': entries}))
`;

/** Every entry as Python reads it (CRCs checked), optionally extracted into `into`. */
export function readWithPython(file: string, into = ''): ExtractedEntry[] {
  const r = spawnSync('python3', ['-c', PYTHON, file, into], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python zipfile refused the archive: ${r.stderr}`);
  const result = JSON.parse(r.stdout) as { bad: string | null; entries: ExtractedEntry[] };
  if (result.bad) throw new Error(`python zipfile: bad CRC in ${result.bad}`);
  return result.entries;
}

export const hasUnzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;

/** `unzip -t`: null when it finds no error, else its output. */
export function unzipTest(file: string): string | null {
  const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
  return r.status === 0 && /No errors detected/.test(r.stdout) ? null : `${r.stdout}\n${r.stderr}`;
}
