/** What the API says of a stored import. */
export interface ImportedSweep {
  sweepId: string;
  name: string;
  created: boolean;
  runs: number;
  epochs: number;
}

/** One refusal, with the input it names (`content`, `batchSize`, …) when it names one. */
export interface UploadError {
  message: string;
  code?: string;
  field?: string;
}

/** The answer to an upload. */
export type UploadResult = { ok: true; sweep: ImportedSweep } | { ok: false; errors: UploadError[] };

/** Options of {@link uploadResults}. */
export interface UploadResultsOptions {
  /** `POST /imports` with its query, from `apiRouteUrl`. */
  url: string;
  file: Blob;
  /** Bytes sent so far, as the browser sends them. */
  onProgress: (sent: number, total: number) => void;
  /** Called once every byte is sent: the API is then reading and storing them. */
  onSent: () => void;
}

/**
 * Sends a results file to the API's upload route as the request body, straight from the
 * disk, with the browser's progress events (which `fetch` does not give for an upload).
 * @returns the stored sweep, or the API's refusals; a network failure is one refusal saying so
 */
export function uploadResults({ url, file, onProgress, onSent }: UploadResultsOptions): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.upload.onload = () => onSent();
    request.onerror = () =>
      resolve({ ok: false, errors: [{ message: `Cannot reach the Sweepscope API at ${new URL(url).origin} to upload the file. Is the server running?` }] });
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        resolve({ ok: false, errors: [{ message: `The API answered ${request.status} without a readable body.` }] });
        return;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve({ ok: true, sweep: body as ImportedSweep });
        return;
      }
      const errors = ((body as { errors?: { message: string; extensions?: { code?: string; field?: unknown } }[] }).errors ?? []).map((error) => {
        const field = Array.isArray(error.extensions?.field) ? (error.extensions.field as unknown[]).at(-1) : undefined;
        return {
          message: error.message,
          ...(error.extensions?.code === undefined ? {} : { code: error.extensions.code }),
          ...(typeof field === 'string' ? { field } : {}),
        };
      });
      resolve({ ok: false, errors: errors.length > 0 ? errors : [{ message: `The API answered ${request.status}.` }] });
    };
    request.send(file);
  });
}
