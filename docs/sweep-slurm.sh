#!/bin/bash
# A Stripe Lab sweep as a Slurm job array: 4 tasks, each running one shard (--shard auto/4 reads
# SLURM_ARRAY_TASK_ID, which is the shard with --array=1-4). Run from the repository root after `npm ci`.
#SBATCH --job-name=stripe-lab-sweep
#SBATCH --array=1-4
#SBATCH --cpus-per-task=1
#SBATCH --output=sweep-%a.jsonl
#SBATCH --error=sweep-%a.log
npm run -s sweep -- --preset raid5-4disk-threads --param group_thread_cnt=0..8 --replications 3 --jobs 1 \
  --json --shard auto/4
