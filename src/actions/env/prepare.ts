import { type Message, msg } from '../../i18n/index.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import { findPython } from './python.js';

interface Input {
  pythonPackage: string;
  pythonModule: string;
}

const MIN_NODE_MAJOR = 20;

/**
 * The live steps run on Node.js inside mq-tutor; the document's own route is Python with pip and a
 * client package. Node is required; the Python pieces are reported with how to install them.
 */
export const action: ActionDefinition<Input> = {
  id: 'env.prepare',
  input: (_params: ParamValues, args) => ({
    pythonPackage: args.pythonPackage ?? '',
    pythonModule: args.pythonModule ?? '',
  }),
  async run(input, ctx) {
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    ctx.progress(msg('env.progress.node', { version: process.versions.node }));
    const notes: Message[] = [];
    if (nodeMajor < MIN_NODE_MAJOR)
      notes.push(msg('env.note.nodeOld', { version: process.versions.node, min: MIN_NODE_MAJOR }));

    const py = await findPython(ctx.signal, input.pythonPackage);
    const packageVersionFound = py.package;
    if (py.python) {
      ctx.progress(msg('env.progress.python', { command: py.python.command, version: py.python.version }));
      ctx.progress(py.pip ? msg('env.progress.pip', { version: py.pip }) : msg('env.progress.noPip'));
      ctx.progress(
        packageVersionFound
          ? msg('env.progress.package', { name: input.pythonPackage, version: packageVersionFound })
          : msg('env.progress.noPackage', { name: input.pythonPackage }),
      );
    } else {
      ctx.progress(msg('env.progress.noPython'));
    }
    if (!py.python) notes.push(msg('env.note.installPython'));
    else if (!py.pip) notes.push(msg('env.note.installPip', { python: py.python.command }));
    if (!packageVersionFound)
      notes.push(
        msg('env.note.installPackage', {
          name: input.pythonPackage,
          python: py.python?.command ?? 'python3',
        }),
      );
    return {
      status: nodeMajor < MIN_NODE_MAJOR ? 'warned' : 'passed',
      details: {
        node: process.versions.node,
        python: py.python?.version ?? null,
        pythonCommand: py.python?.command ?? null,
        pip: py.pip ?? null,
        package: {
          name: input.pythonPackage,
          module: input.pythonModule,
          version: packageVersionFound ?? null,
        },
      },
      summary: msg(packageVersionFound ? 'env.ok' : 'env.okWithoutPython', {
        node: process.versions.node,
        name: input.pythonPackage,
      }),
      notes,
    };
  },
};
