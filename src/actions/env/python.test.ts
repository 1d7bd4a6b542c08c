import { describe, expect, it } from 'vitest';
import { findPython } from './python.js';

describe('findPython', () => {
  it('finds the interpreter, its pip and a distribution in one start', async () => {
    const py = await findPython(new AbortController().signal, 'pip');
    expect(py.python?.version).toMatch(/^3\.\d+\.\d+$/);
    expect(py.pip).toMatch(/^\d+\.\d+/);
    expect(py.package).toBe(py.pip);
  });

  it('a distribution that is not installed, or none asked about, has no version', async () => {
    const signal = new AbortController().signal;
    expect((await findPython(signal, 'no-such-distribution-mq-tutor')).package).toBeUndefined();
    const py = await findPython(signal);
    expect(py.python).toBeDefined();
    expect(py.package).toBeUndefined();
  });

  it('no Python on the PATH is an empty answer, not an error', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await findPython(new AbortController().signal, 'pip')).toEqual({});
    } finally {
      process.env.PATH = saved;
    }
  });
});
