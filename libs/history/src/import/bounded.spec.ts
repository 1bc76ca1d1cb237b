import { Bounded } from './bounded';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Bounded', () => {
  it('never runs more jobs at once than its limit, and waits for all of them', async () => {
    const bounded = new Bounded(2);
    let running = 0;
    let most = 0;
    let finished = 0;
    for (let i = 0; i < 7; i++) {
      await bounded.start(async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        finished++;
      });
    }
    await bounded.done();
    expect([most, finished]).toEqual([2, 7]);
  });

  it('rethrows the first failure and starts nothing after it', async () => {
    const bounded = new Bounded(1);
    const started: number[] = [];
    await bounded.start(async () => {
      started.push(1);
      throw new Error('append failed');
    });
    await expect(
      bounded.start(async () => {
        started.push(2);
      }),
    ).rejects.toThrow('append failed');
    await expect(bounded.done()).rejects.toThrow('append failed');
    expect(started).toEqual([1]);
  });
});
