/** Options of {@link downloadSvgAsPng}. */
export interface DownloadSvgAsPngOptions {
  /** The downloaded file's name, e.g. `sweep-3-best-learning-rate.png`. */
  filename: string;
  /** Pixels per SVG unit, for a sharp image on any screen. @default 2 */
  scale?: number;
  /**
   * The image's background colour: an SVG is transparent, and its text is
   * coloured for the page's theme. @default the computed `--panel` colour, else white
   */
  background?: string;
}

// What the chart's stylesheet sets on its elements; inlined, since an SVG drawn as an image sees no page CSS.
const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

function inlineComputedStyles(source: Element, target: Element): void {
  const sources = [source, ...source.querySelectorAll('*')];
  const targets = [target, ...target.querySelectorAll('*')];
  sources.forEach((element, index) => {
    const copy = targets[index];
    if (!(copy instanceof SVGElement)) return;
    const computed = getComputedStyle(element);
    const declarations = INLINED_PROPERTIES.map((property) => `${property}:${computed.getPropertyValue(property)}`).join(';');
    copy.setAttribute('style', declarations);
    copy.removeAttribute('class');
  });
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = url;
  });
}

/** Saves a canvas as a PNG file through the browser's download. */
async function downloadCanvasPng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
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

/**
 * Saves an on-screen SVG chart as a PNG file: copies it with its computed
 * styles inlined (colours of the current theme included) over a solid
 * background, draws that on a canvas at `scale`, and downloads the canvas's
 * PNG. Every chart's Download PNG ends here. Browser only.
 * @throws {Error} when the SVG has no size, or the browser cannot draw or encode it
 */
export async function downloadSvgAsPng(svg: SVGSVGElement, { filename, scale = 2, background }: DownloadSvgAsPngOptions): Promise<void> {
  const viewBox = svg.viewBox.baseVal;
  const width = viewBox !== null && viewBox.width > 0 ? viewBox.width : svg.getBoundingClientRect().width;
  const height = viewBox !== null && viewBox.height > 0 ? viewBox.height : svg.getBoundingClientRect().height;
  if (!(width > 0 && height > 0)) throw new Error(`expected a chart with a size, got ${width} × ${height}`);

  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineComputedStyles(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const fill = background ?? (getComputedStyle(document.documentElement).getPropertyValue('--panel').trim() || '#ffffff');
  const backdrop = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  backdrop.setAttribute('x', String(viewBox?.x ?? 0));
  backdrop.setAttribute('y', String(viewBox?.y ?? 0));
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', fill);
  copy.insertBefore(backdrop, copy.firstChild);

  const svgUrl = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(svgUrl);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser has no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    await downloadCanvasPng(canvas, filename);
  } finally {
    URL.revokeObjectURL(svgUrl);
  }
}
