import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether this process may make network namespaces: root, with iproute2's `ip`. */
export async function canMakeNamespaces(): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  return run('ip', ['netns', 'list']).then(
    () => true,
    () => false,
  );
}

/**
 * A test host: a network namespace of its own, joined to this one by a veth pair, with
 * link-local addresses that exist only on that pair. Nothing it sends leaves the machine.
 */
export interface TestHost {
  /** The namespace's name, for `ip netns exec`. */
  name: string;
  /** This side's address, which the host reaches us on. */
  hostSideAddress: string;
  /** The link's network (CIDR), where the host's connections come from. */
  network: string;
  /** Cuts the link, as a pulled cable or a partition would. */
  cut(): Promise<void>;
  /** Brings the link back. */
  restore(): Promise<void>;
  /** Deletes the namespace and its link. */
  remove(): Promise<void>;
}

/** Makes a {@link TestHost}. Remove it at the end, also on failure. */
export async function makeTestHost(): Promise<TestHost> {
  const id = randomBytes(3).toString('hex');
  const name = `ssw-${id}`;
  const outside = `ssh${id}`;
  const inside = `ssn${id}`;
  // A /30 of the link-local range per host, drawn at random so parallel runs do not collide.
  const subnet = 4 * Math.floor(Math.random() * 60);
  const third = 200 + Math.floor(Math.random() * 50);
  const hostSideAddress = `169.254.${third}.${subnet + 1}`;
  const insideAddress = `169.254.${third}.${subnet + 2}`;
  const remove = async (): Promise<void> => {
    await run('ip', ['netns', 'del', name]).catch(() => undefined);
    await run('ip', ['link', 'del', outside]).catch(() => undefined);
  };
  try {
    await run('ip', ['netns', 'add', name]);
    await run('ip', ['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside]);
    await run('ip', ['link', 'set', inside, 'netns', name]);
    await run('ip', ['addr', 'add', `${hostSideAddress}/30`, 'dev', outside]);
    await run('ip', ['link', 'set', outside, 'up']);
    await run('ip', ['netns', 'exec', name, 'ip', 'addr', 'add', `${insideAddress}/30`, 'dev', inside]);
    await run('ip', ['netns', 'exec', name, 'ip', 'link', 'set', inside, 'up']);
    await run('ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']);
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    name,
    hostSideAddress,
    network: `169.254.${third}.${subnet}/30`,
    cut: async () => void (await run('ip', ['link', 'set', outside, 'down'])),
    restore: async () => void (await run('ip', ['link', 'set', outside, 'up'])),
    remove,
  };
}
