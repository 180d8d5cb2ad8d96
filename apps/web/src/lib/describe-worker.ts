/**
 * A worker's name (`host:pid`, as workers store it) in words: `worker 1234 on
 * gpu-box`. A name of another shape is given as it is.
 */
export function describeWorker(name: string): string {
  const colon = name.lastIndexOf(':');
  const pid = name.slice(colon + 1);
  if (colon <= 0 || !/^\d+$/.test(pid)) return `worker ${name}`;
  return `worker ${pid} on ${name.slice(0, colon)}`;
}
