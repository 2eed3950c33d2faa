package dev.tessera.boot.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The marker protocol is one registry: the in-guest scripts print only kinds {@link MarkerKind} registers, every
 * registered kind is printed by some script, and each failure kind is printed in the form its rule stops a boot at.
 * (That the harness stops at exactly these kinds: harness.FailureLinesTest.)
 */
class MarkerProtocolTest {
	/** {@code m KIND ...}: init.sh's m() prints TESS-KIND name=NAME ... */
	static final Pattern M_CALL = Pattern.compile("(?:^|[\\s;&|({])m ([A-Z][A-Z0-9]*)(?=[\\s;)]|$)", Pattern.MULTILINE);
	/** {@code echo "TESS-KIND name=$NAME ..."}: a marker printed without m(), e.g. to keep it longer. */
	static final Pattern ECHO = Pattern.compile("TESS-([A-Z][A-Z0-9]*) name=");
	/** A marker whose text is "failed ...", printed either way. */
	static final Pattern FAILED = Pattern.compile("(?:\\bm ([A-Z][A-Z0-9]*) \"?failed|TESS-([A-Z][A-Z0-9]*) name=\\$NAME failed)");

	/** Each script's lines without its comments (a kind named in a comment is not printed). */
	static String code(String script) {
		StringBuilder b = new StringBuilder();
		for (String line : script.split("\n"))
			if (!line.strip().startsWith("#")) b.append(line).append('\n');
		return b.toString();
	}

	/** Every kind each script prints, by script. */
	static Map<String, Set<String>> printed() {
		Map<String, Set<String>> out = new LinkedHashMap<>();
		for (String name : MarkerScripts.ALL) {
			String code = code(MarkerScripts.text(name));
			Set<String> kinds = new TreeSet<>();
			for (Pattern p : new Pattern[] { M_CALL, ECHO }) {
				Matcher m = p.matcher(code);
				while (m.find()) kinds.add(m.group(1));
			}
			out.put(name, kinds);
		}
		return out;
	}

	@Test
	void theScriptsPrintExactlyTheRegisteredKinds() {
		Map<String, Set<String>> printed = printed();
		Set<String> all = new TreeSet<>();
		printed.values().forEach(all::addAll);
		Set<String> registered = new TreeSet<>();
		for (MarkerKind k : MarkerKind.values()) registered.add(k.name());
		Set<String> unregistered = new TreeSet<>(all);
		unregistered.removeAll(registered);
		assertTrue(unregistered.isEmpty(), "the scripts print kinds MarkerKind does not register: " + unregistered + " " + printed);
		Set<String> neverPrinted = new TreeSet<>(registered);
		neverPrinted.removeAll(all);
		assertTrue(neverPrinted.isEmpty(), "MarkerKind registers kinds no script prints: " + neverPrinted + " " + printed);
		// the scan finds what it must: /init's own markers and the hook's
		assertTrue(printed.get(MarkerScripts.INIT).containsAll(Set.of("UP", "MEM", "CPUS", "DONE")), printed.toString());
		assertTrue(printed.get(MarkerScripts.HOOK).containsAll(Set.of("DTREG", "NET", "NETERR", "START", "XLA")), printed.toString());
	}

	@Test
	void everyFailureKindIsPrintedInTheFormItsRuleStopsAt() {
		Set<String> printedFailed = new TreeSet<>();
		for (String name : MarkerScripts.ALL) {
			Matcher m = FAILED.matcher(code(MarkerScripts.text(name)));
			while (m.find()) printedFailed.add(m.group(1) != null ? m.group(1) : m.group(2));
		}
		for (MarkerKind k : MarkerKind.values()) {
			switch (k.failure()) {
				case EVERY_LINE -> assertTrue(k.name().endsWith("ERR"), k + ": a kind that fails on every line is an ...ERR kind");
				case WHEN_FAILED -> assertTrue(printedFailed.contains(k.name()), k + " is never printed as 'failed ...': " + printedFailed);
				case NONE -> assertFalse(k.name().endsWith("ERR") && !k.meaning().contains("details"),
						k + ": an ...ERR kind that is not a failure must say it gives details");
			}
		}
		assertEquals(EnumSet.of(MarkerKind.GPIOERR, MarkerKind.XSERR, MarkerKind.SERVE, MarkerKind.BRIFERR, MarkerKind.NETERR, MarkerKind.START,
				MarkerKind.XLN, MarkerKind.XLA, MarkerKind.SHARES), MarkerKind.failures());
	}

	@Test
	void theFailureRulesStopAtFailedLinesOnly() {
		MarkerLine failedStart = MarkerLine.parse("TESS-START name=dom0 failed: guest is an invalid domain identifier").get(0);
		MarkerLine okStart = MarkerLine.parse("TESS-START name=dom0 ok").get(0);
		MarkerLine netErr = MarkerLine.parse("(XEN) DOM2: TESS-NETERR name=guest eth0 absent").get(0);
		MarkerLine failedXl = MarkerLine.parse("TESS-XL name=dom0 failed xenstored").get(0);
		assertTrue(MarkerKind.START.failsOn(failedStart));
		assertFalse(MarkerKind.START.failsOn(okStart));
		assertTrue(MarkerKind.NETERR.failsOn(netErr));
		assertFalse(MarkerKind.START.failsOn(netErr), "a rule looks at its own kind only");
		assertFalse(MarkerKind.XL.failsOn(failedXl), "XL is not a failure kind");
	}

	@Test
	void theTextsTheChecksExpectAreTheScripts() {
		String hook = MarkerScripts.hook();
		assertTrue(hook.contains("echo \"" + MarkerScripts.DISK_TEXT + " $f\""), "the driver domain writes the disk text");
		assertTrue(hook.contains("= \"" + MarkerScripts.SHM_WORD + "\""), "a borrower waits for the shared-memory word");
		assertTrue(hook.contains(MarkerScripts.SHM_WORD.toLowerCase(java.util.Locale.ROOT)), "the owner writes it");
	}
}
