import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { formatDuration, terminalProgress } from "../../src/cli/progress-bar";

function fake(isTTY: boolean) {
  let t = 0;
  const out: string[] = [];
  return {
    stream: {
      isTTY,
      columns: 200,
      write: (s: string) => {
        out.push(s);
        return true;
      },
    },
    out,
    clock: {
      now: () => t,
      advance: (ms: number) => {
        t += ms;
      },
    },
  };
}

describe("terminalProgress", () => {
  it("TTY: redraws in place with done/total, rate and ETA, throttled", () => {
    const f = fake(true);
    const p = terminalProgress(f.stream, { now: f.clock.now, redrawMs: 100 });
    p.start("fine-tune", 10);
    f.clock.advance(2000);
    p.tick(2, "mnist");
    const last = f.out[f.out.length - 1];
    assert.ok(last.startsWith("\r") && last.endsWith("\x1b[K"), JSON.stringify(last));
    assert.match(last, /fine-tune/);
    assert.match(last, /2\/10/);
    assert.match(last, /1\.0\/s/); // 2 units in 2 s
    assert.match(last, /ETA 8s/); // 8 left at 1/s
    assert.match(last, /mnist/);
    const writes = f.out.length;
    p.tick(1); // within 100 ms: no redraw
    assert.equal(f.out.length, writes);
    f.clock.advance(150);
    p.tick(1);
    assert.equal(f.out.length, writes + 1);
    p.log("phase result");
    assert.ok(f.out.some((s) => s === "phase result\n"));
    p.done();
    assert.ok(f.out[f.out.length - 1].endsWith("\n"));
    assert.match(f.out[f.out.length - 1], /4\/10/);
  });
  it("non-TTY: plain lines, no escape codes, at most one per 10% or per interval", () => {
    const f = fake(false);
    const p = terminalProgress(f.stream, { now: f.clock.now, lineMs: 10000 });
    p.start("sweep", 1000);
    for (let i = 0; i < 1000; i++) {
      f.clock.advance(5);
      p.tick(1);
    }
    p.done();
    const text = f.out.join("");
    assert.ok(!text.includes("\r") && !text.includes("\x1b"));
    assert.ok(f.out.every((s) => s.endsWith("\n")));
    assert.ok(f.out.length >= 10 && f.out.length <= 13, `${f.out.length} lines`);
    assert.match(f.out[f.out.length - 1], /1000\/1000.*in 5s/);
  });
  it("unknown total shows a count; formatDuration", () => {
    const f = fake(false);
    const p = terminalProgress(f.stream, { now: f.clock.now });
    p.start("search", 0);
    p.tick(3);
    p.done();
    assert.match(f.out[f.out.length - 1], /search {2}3 /);
    assert.equal(formatDuration(5), "5s");
    assert.equal(formatDuration(125), "2m05s");
    assert.equal(formatDuration(3720), "1h02m");
    assert.equal(formatDuration(NaN), "?");
  });
});
