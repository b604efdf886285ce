import { Worker } from 'node:worker_threads';

/**
 * pdf.js loads its own worker with a dynamic import, which only a real Node module context
 * allows (not a test runner's sandbox), and a hostile PDF can take a lot of memory or time. So
 * the PDF is read in a worker thread of its own, with a memory ceiling and a time limit.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParse);
(async () => {
  const parser = new PDFParse({ data: workerData.bytes, verbosity: 0 });
  try {
    // Page by page, telling each page read, so that a long PDF's reading can show its progress.
    const pages = [];
    for (let page = 1, total = 1; page <= total; page++) {
      const result = await parser.getText({ pageJoiner: '', partial: [page] });
      total = result.total;
      if (total === 0) break;
      pages.push(result.pages.map((p) => p.text).join(''));
      parentPort.postMessage({ progress: { pages: page, total } });
    }
    parentPort.postMessage({ pages });
  } catch (error) {
    parentPort.postMessage({ failure: { name: String(error && error.name), message: String(error && error.message) } });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();
`;

export interface PdfPages {
  pages?: string[];
  failure?: { name: string; message: string };
}

const TIME_LIMIT_MS = 60_000;
const MEMORY_LIMIT_MB = 512;

/** PDFs read at once; more wait their turn, so parallel imports cannot take every core and all the memory. */
export const MAX_PDF_READERS = 2;
let reading = 0;
const waiting: (() => void)[] = [];

/** Told after each page is read: how many so far, of how many. */
export type PageProgress = (pages: number, total: number) => void;

export async function readPdfPages(bytes: Uint8Array, onProgress?: PageProgress): Promise<PdfPages> {
  await takeReader();
  try {
    return await readInWorker(bytes, onProgress);
  } finally {
    releaseReader();
  }
}

/** How many PDFs are being read just now (for the tests of the limit). */
export const pdfReadersInUse = () => reading;

async function takeReader(): Promise<void> {
  if (reading < MAX_PDF_READERS) reading++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
}

/** Hands the reader straight to the next in line, so no newcomer can slip in between. */
function releaseReader(): void {
  const next = waiting.shift();
  if (next) next();
  else reading--;
}

function readInWorker(bytes: Uint8Array, onProgress?: PageProgress): Promise<PdfPages> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, pdfParse: require.resolve('pdf-parse') },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    });
    const finish = (outcome: PdfPages) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ failure: { name: 'Timeout', message: 'The PDF took too long to read' } }), TIME_LIMIT_MS);
    worker.on('message', (message: PdfPages & { progress?: { pages: number; total: number } }) => {
      if (!message.progress) return finish(message);
      try {
        onProgress?.(message.progress.pages, message.progress.total);
      } catch {
        // A listener's failure is no reason to lose the document.
      }
    });
    worker.once('error', (error) => finish({ failure: { name: error.name, message: error.message } }));
    worker.once('exit', () => finish({ failure: { name: 'Exit', message: 'The PDF reader stopped' } }));
  });
}
