import { reportEngineFault, reportEngineLost } from '../engine-faults.js';

/** The part of a WebGPU device read here. */
export interface WatchedDevice {
  addEventListener(type: 'uncapturederror', listener: (event: { error: Error }) => void): void;
  lost: Promise<{ reason: string; message: string }>;
}

const watched = new WeakSet<WatchedDevice>();

/**
 * Reports the device's errors as engine faults (see `engine-faults`). WebGPU does not throw
 * them: an out-of-memory or validation error reaches only the `uncapturederror` event, and
 * the tensors it touched read back as zeros. A lost device (a driver reset, a GPU gone) runs
 * nothing again.
 */
export function watchDeviceErrors(device: WatchedDevice): void {
  // tfjs keeps one backend, and so one device, however often it is selected.
  if (watched.has(device)) return;
  watched.add(device);
  device.addEventListener('uncapturederror', ({ error }) => reportEngineFault(describeDeviceError(error)));
  void device.lost.then(({ reason, message }) =>
    reportEngineLost(`webgpu: the GPU device was lost (${reason}: ${firstLine(message)}); if it happens again, check the GPU's driver`),
  );
}

/** What went wrong on the device, and what to do about it. */
export function describeDeviceError(error: Error): string {
  const message = firstLine(error.message);
  const smaller = 'train with a smaller batch size, or a smaller α or input size';
  // GPU error classes, by name: they are Dawn's globals, not Node's.
  if (error.constructor.name === 'GPUOutOfMemoryError') return `webgpu: the GPU ran out of memory (${message}): ${smaller}`;
  if (/exceeds the max buffer size/i.test(message)) return `webgpu: a tensor is larger than the GPU allows in one buffer (${message}): ${smaller}`;
  const kind = error.constructor.name === 'GPUValidationError' ? 'a validation error' : 'an error';
  return `webgpu: the GPU reported ${kind} (${message}), a fault of the WebGPU engine or the GPU's driver`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
