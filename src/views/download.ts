// Saves data as a file through the browser's own download (a temporary link with `download`). Every page's
// export goes through here: charts, CSV, traces, saved scenarios.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the browser has taken it
}

/** Text under a file name, with its MIME type (JSON by default). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
