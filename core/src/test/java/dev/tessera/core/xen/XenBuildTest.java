package dev.tessera.core.xen;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tessera.core.diag.Findings;
import dev.tessera.core.rules.xen.XenBuildHasFeatures;
import dev.tessera.model.Cpupool;
import dev.tessera.model.CpuRange;
import dev.tessera.model.Scheduler;
import dev.tessera.model.System;
import dev.tessera.model.TesseraFactory;

class XenBuildTest {
	static final TesseraFactory F = TesseraFactory.eINSTANCE;

	/** Debian's Xen 4.20 build, as far as a cpupool with the null scheduler is concerned. */
	static final String DEBIAN_420 = """
			# Automatically generated file; DO NOT EDIT.
			CONFIG_DOM0LESS_BOOT=y
			CONFIG_STATIC_EVTCHN=y
			CONFIG_SCHED_CREDIT2=y
			# CONFIG_BOOT_TIME_CPUPOOLS is not set
			# CONFIG_UNSUPPORTED is not set
			CONFIG_SCHED_DEFAULT="credit2"
			""";

	private static System withPool(String version, Scheduler sched) {
		System s = F.createSystem();
		s.setName("s");
		s.setXen(F.createXenSettings());
		s.getXen().setVersion(version);
		Cpupool p = F.createCpupool();
		p.setName("rt");
		CpuRange r = F.createCpuRange();
		r.setFirst(1);
		p.getCpus().add(r);
		p.setScheduler(sched);
		s.getCpupools().add(p);
		return s;
	}

	@Test
	void aBuildWithoutAnOptionTheSystemUsesIsNamedWithTheOption(@TempDir Path dir) throws Exception {
		Path config = dir.resolve("xen-4.20-arm64.config");
		Files.writeString(config, DEBIAN_420);
		XenBuild build = XenBuild.read(config);
		assertTrue(build.enabled("CONFIG_STATIC_EVTCHN"));
		assertFalse(build.enabled("CONFIG_BOOT_TIME_CPUPOOLS"));
		assertEquals("\"credit2\"", build.options().get("CONFIG_SCHED_DEFAULT"));
		Findings out = new Findings();
		XenBuildHasFeatures.check(withPool("4.20", Scheduler.NULL), build, out);
		List<String> messages = out.all().stream().map(f -> f.rule().id() + " " + f.message()).toList();
		assertEquals(2, messages.size(), messages.toString());
		assertTrue(messages.get(0).startsWith("xen.build cpupool 'rt' needs boot-time cpupools") && messages.get(0).contains("CONFIG_BOOT_TIME_CPUPOOLS is not set"));
		assertTrue(messages.get(1).contains("the null scheduler") && messages.get(1).contains("CONFIG_SCHED_NULL"), "an option the file never mentions is missing too");
	}

	@Test
	void anOptionAReleaseBeforeItsIntroductionAlwaysHadIsNotAskedFor() {
		XenBuild old417 = new XenBuild("xen-4.17.config", java.util.Map.of("CONFIG_SCHED_CREDIT2", "y"));
		assertFalse(XenBuildOption.STATIC_EVTCHN.missingIn(old417, new XenVersion(4, 17)), "static event channels were built in before 4.19");
		assertTrue(XenBuildOption.STATIC_EVTCHN.missingIn(old417, new XenVersion(4, 20)));
	}
}
