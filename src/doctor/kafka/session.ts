import type net from 'node:net';
import { type DoctorNet, openSocket } from '../net/connector.js';
import { TCP_MS } from '../net/probes.js';
import { KafkaError, kafkaErrorName, saslAuthenticatePlain, saslHandshake } from './requests.js';
import { KafkaWire, WireClosedError, WireTimeoutError } from './wire.js';

export const REQUEST_MS = 2500;

export interface Credentials {
  username: string;
  password: string;
}

export type HandshakeOutcome =
  | { ok: true; mechanisms: string[]; offered: boolean }
  | { ok: false; spoken: 'tls' | 'http1' | 'other' | 'silent' | 'closed' };

/** What bytes that are no Kafka frame were: a TLS record, an HTTP answer, or something else. */
function notKafka(error: unknown): 'tls' | 'http1' | 'other' | 'silent' | 'closed' {
  if (error instanceof WireTimeoutError) return 'silent';
  if (error instanceof WireClosedError) {
    const b = error.firstBytes;
    if (b.length >= 2 && (b[0] === 0x15 || b[0] === 0x16) && b[1] === 0x03) return 'tls';
    if (b.subarray(0, 5).toString('latin1') === 'HTTP/') return 'http1';
    return error.reason === 'not-kafka' ? 'other' : 'closed';
  }
  return 'other';
}

/** SaslHandshake for PLAIN: the mechanisms the listener offers, or what answered instead of Kafka. */
export async function handshake(wire: KafkaWire): Promise<HandshakeOutcome> {
  try {
    const r = await saslHandshake(wire, 'PLAIN', REQUEST_MS);
    return { ok: true, mechanisms: r.mechanisms, offered: r.errorCode === KafkaError.NONE };
  } catch (error) {
    return { ok: false, spoken: notKafka(error) };
  }
}

export type LoginOutcome = { ok: true } | { ok: false; code: string; detail?: string };

/** SaslAuthenticate with PLAIN, right after a handshake that offered PLAIN. */
export async function login(wire: KafkaWire, credentials: Credentials): Promise<LoginOutcome> {
  try {
    const r = await saslAuthenticatePlain(wire, credentials.username, credentials.password, REQUEST_MS);
    if (r.errorCode === KafkaError.NONE) return { ok: true };
    return {
      ok: false,
      code: kafkaErrorName(r.errorCode),
      ...(r.errorMessage ? { detail: r.errorMessage } : {}),
    };
  } catch (error) {
    return { ok: false, code: error instanceof WireTimeoutError ? 'TIMEOUT' : 'CONNECTION_CLOSED' };
  }
}

export interface KafkaSession {
  wire: KafkaWire;
  server: string;
}

/**
 * A logged-in connection to one broker, as the tutorial's client would have it: TCP, then (for
 * SASL_SSL) a TLS socket the caller verified, the handshake, the login. The first stage that
 * fails is named.
 */
export async function openSession(
  deps: DoctorNet,
  server: string,
  address: string,
  port: number,
  credentials: Credentials,
  secure?: (raw: net.Socket) => Promise<net.Socket | undefined>,
  signal?: AbortSignal,
): Promise<{ session: KafkaSession } | { failed: 'tcp' | 'tls' | 'handshake' | 'login'; code: string }> {
  let socket: net.Socket;
  try {
    socket = await openSocket(deps, address, port, TCP_MS, signal);
  } catch (error) {
    return { failed: 'tcp', code: (error as { code?: string }).code ?? 'ECONNRESET' };
  }
  if (secure) {
    const wrapped = await secure(socket);
    if (!wrapped) return { failed: 'tls', code: 'TLS_FAILED' };
    socket = wrapped;
  }
  const wire = new KafkaWire(socket, server);
  const shaken = await handshake(wire);
  if (!shaken.ok || !shaken.offered) {
    wire.close();
    return { failed: 'handshake', code: shaken.ok ? 'UNSUPPORTED_SASL_MECHANISM' : shaken.spoken };
  }
  const loggedIn = await login(wire, credentials);
  if (!loggedIn.ok) {
    wire.close();
    return { failed: 'login', code: loggedIn.code };
  }
  return { session: { wire, server } };
}
