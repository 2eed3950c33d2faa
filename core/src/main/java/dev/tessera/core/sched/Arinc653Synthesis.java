package dev.tessera.core.sched;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A static cyclic schedule for Xen's ARINC 653 scheduler, synthesised by earliest-deadline-first over one major
 * frame. Every partition has a period and a budget: in every window [k·period, (k+1)·period) of the frame it must
 * receive its whole budget. EDF runs, at every instant, the partition whose current window ends first (ties: the
 * partition declared first); on one CPU it meets every window whenever any schedule can (Liu and Layland's bound:
 * utilisation ≤ 1 with deadlines equal to periods). A switch between partitions costs {@code switchOverhead}, which
 * the slot it starts pays for, so the partition still gets its whole budget after the switch. The result is a list
 * of slots one after another, idle time included, and deterministic for the same input.
 */
public final class Arinc653Synthesis {
	/** A partition: a domain, its period and its budget, in microseconds. */
	public record Partition(String name, long period, long budget) {
	}

	/** A slot of the frame: a partition (null: idle) running from {@code start} for {@code length} microseconds. */
	public record Slot(String partition, long start, long length) {
		public boolean idle() {
			return partition == null;
		}

		public long end() {
			return start + length;
		}
	}

	/** A window a partition cannot get its budget in: which, where, and how much it lacks. */
	public record Miss(String partition, long windowStart, long windowEnd, long lacking) {
	}

	/**
	 * What synthesis found: the major frame, the slots (empty when infeasible), the partitions' utilisation
	 * (sum of budget / period), and the first window that cannot be met, if any.
	 */
	public record Result(long majorFrame, List<Slot> slots, double utilisation, Miss miss) {
		public boolean feasible() {
			return miss == null;
		}

		/** The time each partition gets per major frame, in microseconds. */
		public long timeOf(String partition) {
			return slots.stream().filter(s -> partition.equals(s.partition())).mapToLong(Slot::length).sum();
		}
	}

	private Arinc653Synthesis() {
	}

	/** The least common multiple of the periods; fails with ArithmeticException beyond a long. */
	public static long hyperperiod(List<Partition> partitions) {
		BigInteger l = BigInteger.ONE;
		for (Partition p : partitions) {
			BigInteger t = BigInteger.valueOf(p.period());
			l = l.divide(l.gcd(t)).multiply(t);
		}
		return l.longValueExact();
	}

	public static double utilisation(List<Partition> partitions) {
		return partitions.stream().mapToDouble(p -> (double) p.budget() / p.period()).sum();
	}

	/**
	 * @param majorFrame     the frame, or 0 for the least common multiple of the periods; must be a multiple of every
	 *                       period (callers check, and report otherwise)
	 * @param switchOverhead microseconds a switch between two partitions costs
	 */
	public static Result synthesise(List<Partition> partitions, long majorFrame, long switchOverhead) {
		long frame = majorFrame > 0 ? majorFrame : hyperperiod(partitions);
		double u = utilisation(partitions);
		// the jobs: one per partition and window, in release order
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < partitions.size(); i++) {
			Partition p = partitions.get(i);
			for (long r = 0; r + p.period() <= frame; r += p.period()) jobs.add(new Job(i, p, r, r + p.period(), p.budget()));
		}
		jobs.sort((a, b) -> a.release != b.release ? Long.compare(a.release, b.release) : Integer.compare(a.order, b.order));
		List<Slot> slots = new ArrayList<>();
		long t = 0;
		String last = null;
		while (t < frame) {
			Job next = null;
			long nextRelease = frame;
			for (Job j : jobs) {
				if (j.release > t) {
					nextRelease = Math.min(nextRelease, j.release);
					continue;
				}
				if (j.remaining == 0) continue;
				if (j.deadline <= t) return missed(frame, u, j);
				if (next == null || j.deadline < next.deadline || j.deadline == next.deadline && j.order < next.order) next = j;
			}
			if (next == null) {
				add(slots, null, t, nextRelease - t);
				t = nextRelease;
				last = null;
				continue;
			}
			if (!next.partition.name().equals(last)) next.remaining += switchOverhead;
			long run = Math.min(next.remaining, nextRelease - t);
			add(slots, next.partition.name(), t, run);
			next.remaining -= run;
			t += run;
			last = next.partition.name();
			if (next.remaining > 0 && t >= next.deadline) return missed(frame, u, next);
		}
		for (Job j : jobs) if (j.remaining > 0) return missed(frame, u, j);
		return new Result(frame, List.copyOf(slots), u, null);
	}

	private static Result missed(long frame, double u, Job j) {
		return new Result(frame, List.of(), u, new Miss(j.partition.name(), j.release, j.deadline, j.remaining));
	}

	/** Appends a slot, merged with the one before when it is the same partition (or idle) and adjacent. */
	private static void add(List<Slot> slots, String partition, long start, long length) {
		if (length <= 0) return;
		if (!slots.isEmpty()) {
			Slot prev = slots.get(slots.size() - 1);
			if (prev.end() == start && java.util.Objects.equals(prev.partition(), partition)) {
				slots.set(slots.size() - 1, new Slot(partition, prev.start(), prev.length() + length));
				return;
			}
		}
		slots.add(new Slot(partition, start, length));
	}

	private static final class Job {
		final int order;
		final Partition partition;
		final long release, deadline;
		long remaining;

		Job(int order, Partition partition, long release, long deadline, long budget) {
			this.order = order;
			this.partition = partition;
			this.release = release;
			this.deadline = deadline;
			this.remaining = budget;
		}
	}
}
