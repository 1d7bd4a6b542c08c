import { splitHostPorts } from '../../engine/params.js';
import { msg } from '../../i18n/index.js';
import type { ActionDefinition, ParamValues } from '../types.js';
import { checkAll } from './check-all.js';

interface Input {
  servers: string[];
}

export const action: ActionDefinition<Input> = {
  id: 'network.kafka',
  input: (params: ParamValues) => ({ servers: splitHostPorts(params.bootstrapServers ?? '') }),
  async run(input, ctx) {
    const { results, failures } = await checkAll(input.servers, ctx);
    const details = {
      servers: results,
      failed: failures.map((f) => ({ host: f.host, port: f.port, code: f.code })),
    };
    if (failures.length > 0) {
      return {
        status: 'warned',
        details,
        summary: msg('network.partial', { ok: results.length, total: input.servers.length }),
        notes: [msg('network.partialNote')],
      };
    }
    return { status: 'passed', details, summary: msg('network.ok', { count: results.length }) };
  },
};
