// Reads the suite's report file (one JSON event per line, see test/editor/report.ts) as it grows and
// prints it like mocha's spec reporter. Both runners use it.
import { existsSync, readFileSync } from 'node:fs';

export class ReportFollower {
  constructor(path) {
    this.path = path;
    this.offset = 0;
    this.buffered = '';
    this.end = undefined;
    this.failures = [];
    this.passed = 0;
    this.failed = 0;
    this.lastEvent = undefined;
  }

  /** Prints the events written since the last call; returns the `end` event once seen. */
  poll() {
    if (!existsSync(this.path)) return this.end;
    const text = readFileSync(this.path, 'utf8');
    this.buffered += text.slice(this.offset);
    this.offset = text.length;
    const lines = this.buffered.split('\n');
    this.buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) this.print(JSON.parse(line));
    return this.end;
  }

  print(event) {
    this.lastEvent = event;
    switch (event.type) {
      case 'start': console.log(`  running ${event.total} tests from ${event.specs.join(', ')}`); break;
      case 'suite': console.log(`\n  ${event.title}`); break;
      case 'pass': this.passed++; console.log(`    ✔ ${event.title.split(' › ').pop()} (${event.durationMs} ms)`); break;
      case 'fail':
        this.failed++;
        this.failures.push(event);
        console.log(`    ✘ ${event.title.split(' › ').pop()}\n      ${event.message.split('\n').join('\n      ')}`);
        break;
      case 'pending': console.log(`    - ${event.title.split(' › ').pop()} (pending)`); break;
      case 'note': console.log(`      · ${event.message}`); break;
      case 'end': this.end = event; break;
      default: console.log(`    ? ${JSON.stringify(event)}`);
    }
  }

  printFailures() {
    this.failures.forEach((failure, index) => {
      console.log(`\n  ${index + 1}) ${failure.title}\n     ${failure.stack.split('\n').slice(0, 8).join('\n     ')}`);
    });
  }
}
