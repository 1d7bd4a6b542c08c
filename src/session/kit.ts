import { actionCatalogue } from '../actions/registry.js';
import type { ActionServices } from '../actions/services.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { EngineKit } from '../engine/contract.js';

/** The engine's action catalogue and diagnosis, wired here so the engine imports neither. */
export function engineKit(services: ActionServices = {}): EngineKit {
  return { actions: actionCatalogue, diagnose, services };
}
