/**
 * The layers a newcomer sees in the folder names, with data flowing one way (README, "How the code is
 * laid out"). `npm test` runs this; a forbidden import fails the suite. Add a layer here before code
 * starts to lean on it, rather than silencing a rule.
 */
const layer = (name) => `^src/${name}/`;
const forbid = (name, from, to, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from, pathNot: '\\.test\\.tsx?$' },
  to: { path: to.map(layer) },
});

module.exports = {
  forbidden: [
    forbid(
      'engine-is-handed-its-parts',
      layer('engine'),
      ['actions', 'diagnosis', 'sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen', 'remoting'],
      'The engine loads steps, resolves parameters and runs a step with the actions and diagnosis it is handed.',
    ),
    forbid(
      'actions-have-no-ui-and-no-sandbox',
      layer('actions'),
      ['sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen'],
      'An action is a live capability with typed input; what the sandbox lends it comes through its context.',
    ),
    forbid(
      'doctor-probes-and-verdicts',
      layer('doctor'),
      ['sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen', 'diagnosis', 'workshop'],
      'The doctor asks the network and the broker (through actions and the protocol clients) and works out a verdict from the answers; front ends render it.',
    ),
    forbid(
      'diagnosis-words-errors-only',
      layer('diagnosis'),
      ['sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen'],
      'Diagnosis turns an error into a code, an explanation and fixes.',
    ),
    forbid(
      'protocol-client-stands-alone',
      layer('remoting'),
      ['engine', 'actions', 'diagnosis', 'sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen', 'i18n'],
      'The RocketMQ remoting client is a protocol library: no words, no UI, no tutorial.',
    ),
    forbid(
      'sandbox-is-below-the-session',
      layer('sandbox'),
      ['session', 'ui', 'cli', 'report', 'codegen'],
      'The sandbox starts brokers; the session decides when.',
    ),
    forbid(
      'profiles-are-storage',
      layer('profile'),
      ['actions', 'diagnosis', 'sandbox', 'session', 'ui', 'cli', 'report', 'codegen'],
      'Profiles store what the session gives them.',
    ),
    forbid(
      'report-is-not-a-screen',
      layer('report'),
      ['ui', 'cli', 'session', 'sandbox'],
      'The report is built from data the session gathers.',
    ),
    forbid(
      'codegen-writes-programs-from-values',
      layer('codegen'),
      ['ui', 'cli', 'session', 'sandbox'],
      'Generated code is filled from resolved values, whoever resolved them.',
    ),
    forbid(
      'session-is-below-every-front-end',
      layer('session'),
      ['ui', 'cli'],
      'The session opens a run for every front end, and knows none of them.',
    ),
    forbid(
      'front-ends-only-render-and-ask',
      layer('ui'),
      ['cli', 'sandbox', 'actions', 'remoting'],
      'Front ends render events and collect input; they reach everything else through the session.',
    ),
    {
      name: 'workshop-model-is-pure',
      comment: 'The board model turns progress events into rows; it reads no broker and draws nothing.',
      severity: 'error',
      from: { path: '^src/workshop/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/(workshop|engine/types|i18n|util|format)' },
    },
    forbid(
      'formatting-knows-only-results',
      layer('format'),
      ['actions', 'diagnosis', 'sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen', 'remoting'],
      'How a result is shown (icons, times) is shared by the front ends and the report.',
    ),
    forbid(
      'shared-basics-import-nothing-above',
      '^src/(util|i18n|naming)/',
      ['engine', 'actions', 'diagnosis', 'sandbox', 'session', 'ui', 'cli', 'profile', 'report', 'codegen', 'remoting'],
      'Utilities, words and formatting are used by every layer and use none.',
    ),
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
