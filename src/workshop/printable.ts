/**
 * Text that came from a learner (a name, a group, a code), made safe to print: control characters
 * (which could move the cursor or clear the instructor's terminal) and bidirectional overrides
 * (which could make one name look like another) are dropped.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
