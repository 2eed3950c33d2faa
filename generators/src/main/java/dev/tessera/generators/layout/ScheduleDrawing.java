package dev.tessera.generators.layout;

import java.util.ArrayList;
import java.util.List;

import dev.tessera.core.plan.Plan;
import dev.tessera.core.plan.SchedulePlan;

/**
 * Where things go in schedule.svg: for every ARINC 653 pool one major frame on a time axis, a row of every slot,
 * then one row per partition with its slots and a mark at the start of each of its periods, idle time left blank.
 * The template only draws what this decides.
 */
public final class ScheduleDrawing {
	public static final int LEFT = 140, WIDTH = 900, ROW = 22, GAP = 50;
	static final String[] COLOURS = { "#64b5f6", "#81c784", "#ffb74d", "#ba68c8", "#4db6ac", "#f06292", "#a1887f", "#90a4ae" };

	public record Bar(int x, int y, int w, String colour, String label) {
	}

	public record Mark(int x, int y1, int y2) {
	}

	public record Text(int x, int y, String text, boolean bold) {
	}

	public final List<Bar> bars = new ArrayList<>();
	public final List<Mark> marks = new ArrayList<>();
	public final List<Text> texts = new ArrayList<>();
	public final List<Mark> ticks = new ArrayList<>();
	public final int width = LEFT + WIDTH + 40;
	public final int height;
	public final String title;

	public ScheduleDrawing(Plan plan) {
		title = "ARINC 653 schedules of system " + plan.system();
		int y = 60;
		for (SchedulePlan.Arinc653 a : plan.schedules().arinc653()) {
			List<String> partitions = a.partitions().stream().map(SchedulePlan.Partition::domain).toList();
			texts.add(new Text(20, y, "Pool " + a.pool() + ": major frame " + ms(a.majorFrameUs()) + ", utilisation "
					+ String.format(java.util.Locale.ROOT, "%.0f%%", 100 * a.utilisation()) + " (blank: idle)", true));
			y += 14;
			texts.add(new Text(20, y + 15, "slots", false));
			for (SchedulePlan.Slot s : a.slots())
				if (!s.idle()) bars.add(new Bar(x(s.startUs(), a), y, w(s.lengthUs(), a), colour(partitions, s.domain()), label(s, a)));
			y += ROW + 6;
			for (SchedulePlan.Partition p : a.partitions()) {
				texts.add(new Text(20, y + 15, p.domain() + " " + ms(p.budgetUs()) + "/" + ms(p.periodUs()), false));
				for (SchedulePlan.Slot s : a.slots())
					if (p.domain().equals(s.domain())) bars.add(new Bar(x(s.startUs(), a), y, w(s.lengthUs(), a), colour(partitions, p.domain()), ""));
				// where each of its periods starts: it gets its budget before the next mark
				for (long t = 0; t < a.majorFrameUs(); t += p.periodUs()) marks.add(new Mark(x(t, a), y - 2, y + ROW + 2));
				y += ROW + 2;
			}
			// the time axis, a tick every millisecond (every 10 beyond 50), with labels at round values
			long step = a.majorFrameUs() <= 50_000 ? 1000 : 10_000;
			for (long t = 0; t <= a.majorFrameUs(); t += step) {
				int x = x(t, a);
				ticks.add(new Mark(x, y, y + (t % (5 * step) == 0 ? 8 : 4)));
				if (t % (5 * step) == 0 || t == a.majorFrameUs()) texts.add(new Text(x - 8, y + 22, ms(t), false));
			}
			y += GAP;
		}
		height = y;
	}

	private static String label(SchedulePlan.Slot s, SchedulePlan.Arinc653 a) {
		return w(s.lengthUs(), a) >= 28 ? s.domain() : "";
	}

	private static String colour(List<String> partitions, String p) {
		return COLOURS[partitions.indexOf(p) % COLOURS.length];
	}

	private static int x(long t, SchedulePlan.Arinc653 a) {
		return LEFT + (int) (WIDTH * t / a.majorFrameUs());
	}

	private static int w(long len, SchedulePlan.Arinc653 a) {
		return Math.max(1, (int) (WIDTH * len / a.majorFrameUs()));
	}

	static String ms(long us) {
		return us % 1000 == 0 ? us / 1000 + " ms" : String.format(java.util.Locale.ROOT, "%.3f ms", us / 1000.0);
	}
}
