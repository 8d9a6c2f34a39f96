// The ext4 page-io story (seed 003) reproduced by presets, with the tolerances the issue states.
// Each test runs a preset and its baseline at a fixed seed and prints measured vs published.
import { describe, expect, it } from 'vitest';
import { fig, lock, mbps, runExt4, runPresetPair, topContended } from './testkit';

describe('ext4 presets reproduce the page-io cover letter', () => {
  it('ext4-one-writer: 128x fewer submissions per MiB (+-5%) with 512K bios, and less CPU per MiB', () => {
    const { with: bio, without: buf } = runPresetPair('ext4-one-writer');
    const ratio = fig(buf, 'submissionsPerMiB') / fig(bio, 'submissionsPerMiB');
    const cpu = fig(bio, 'cpuNsPerMiB') / fig(buf, 'cpuNsPerMiB');
    console.log(
      `ext4 one writer: submissions/MiB ${fig(buf, 'submissionsPerMiB')} -> ${fig(bio, 'submissionsPerMiB')} (${ratio.toFixed(1)}x fewer, published 128x); CPU/MiB ${fig(buf, 'cpuNsPerMiB')} -> ${fig(bio, 'cpuNsPerMiB')} ns (${((1 - cpu) * 100).toFixed(0)}% less, published "a significant amount"); ${mbps(buf)} -> ${mbps(bio)} MB/s`,
    );
    expect(ratio).toBeGreaterThan(128 * 0.95);
    expect(ratio).toBeLessThan(128 * 1.05);
    expect(cpu).toBeLessThan(0.75);
  });

  it('ext4-many-writers: with buffers queue_lock is the top contended lock; with bios it is not, and throughput rises (> 1.3x)', () => {
    const { with: bio, without: buf } = runPresetPair('ext4-many-writers');
    const ql = (r: typeof bio) => lock(r, 'queue_lock');
    console.log(
      `ext4 16 writers: top contended ${topContended(buf)} (queue_lock ${ql(buf).contentions}/${ql(buf).acquisitions}, wait ${(ql(buf).waitTimeTotalNs / 1e6).toFixed(1)} ms) -> ${topContended(bio)} (queue_lock ${ql(bio).contentions}/${ql(bio).acquisitions}); ${mbps(buf)} -> ${mbps(bio)} MB/s; published: queue_lock "the top cause of scalability problems"`,
    );
    expect(topContended(buf)).toBe('queue_lock');
    expect(ql(buf).waitTimeTotalNs).toBeGreaterThan(
      Math.max(...buf.locks.filter((l) => l.name !== 'queue_lock').map((l) => l.waitTimeTotalNs)),
    );
    expect(topContended(bio)).not.toBe('queue_lock');
    expect(ql(bio).contentions).toBeLessThan(ql(buf).contentions / 20);
    expect(bio.throughput.bytesPerSec).toBeGreaterThan(buf.throughput.bytesPerSec * 1.3);
  });

  it('ext4-plug: the plug cuts queue_lock acquisitions per MiB further (>= 15%); with buffers it merges 4K blocks before the lock (> 50x fewer)', () => {
    const { with: plug, without: noPlug } = runPresetPair('ext4-plug');
    const acq = (r: typeof plug) => fig(r, 'queueLockAcquisitionsPerMiB');
    const bufNoPlug = runExt4({ submit: 'buffer', plug: false }, { preset: 'ext4-plug' });
    const bufPlug = runExt4({ submit: 'buffer' }, { preset: 'ext4-plug' });
    console.log(
      `ext4 plug, 16 writers: bios ${acq(noPlug)} -> ${acq(plug)} queue_lock acquisitions/MiB (contentions ${fig(noPlug, 'queueLockContentionsPerMiB')} -> ${fig(plug, 'queueLockContentionsPerMiB')}); buffers ${acq(bufNoPlug)} -> ${acq(bufPlug)}, ${mbps(bufNoPlug)} -> ${mbps(bufPlug)} MB/s`,
    );
    expect(acq(plug)).toBeLessThan(acq(noPlug) * 0.85);
    expect(fig(plug, 'queueLockContentionsPerMiB')).toBeLessThan(fig(noPlug, 'queueLockContentionsPerMiB'));
    expect(acq(bufPlug)).toBeLessThan(acq(bufNoPlug) / 50);
  });
});
