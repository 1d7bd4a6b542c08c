// The floor for the wizard's start-up: Ink rendering one line, bundled like mq-tutor's bin.
import { render, Text } from 'ink';

render(<Text>ckafka hello</Text>);
setTimeout(() => process.exit(0), 5000);
