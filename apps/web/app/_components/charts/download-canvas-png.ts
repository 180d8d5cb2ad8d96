/**
 * Saves a canvas as a PNG file through the browser's download: every chart's Download PNG
 * ends here, whether uPlot drew it or an SVG was drawn onto the canvas first.
 * @throws {Error} when the browser cannot encode the canvas
 */
export async function downloadCanvasPng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((png) => (png === null ? reject(new Error('the canvas gave no PNG')) : resolve(png)), 'image/png');
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; only then may the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
