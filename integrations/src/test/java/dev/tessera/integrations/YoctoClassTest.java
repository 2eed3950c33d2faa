package dev.tessera.integrations;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tasks of meta-tessera's tessera.bbclass, run as BitBake would run them (their shell bodies, with the variables
 * BitBake sets) against the real CLI jar: BitBake itself cannot be had on these machines, so its parsing, variable
 * expansion beyond plain ${VAR} and task scheduling are not run here.
 */
class YoctoClassTest {
	static final Path ROOT = Path.of("").toAbsolutePath().getParent();
	static final Path CLASS = ROOT.resolve("integrations/yocto/meta-tessera/classes/tessera.bbclass");
	static final Path JAR = ROOT.resolve("cli/target/tessera.jar");

	@TempDir
	Path tmp;

	@Test
	void generateThenDeployPutsEveryArtifactTheManifestListsIntoTheDeployFolder() throws Exception {
		Map<String, String> vars = variables(ROOT.resolve("examples/ivi/cockpit.tess"));
		assertEquals(0, task("do_tessera_generate", vars).exit(), "generate");
		assertTrue(Files.exists(Path.of(vars.get("TESSERA_OUT") + ".d")), "the dependency file beside the output");
		assertEquals(0, task("do_deploy", vars).exit(), "deploy");

		Path out = Path.of(vars.get("TESSERA_OUT")), deployed = Path.of(vars.get("DEPLOYDIR"), "tessera");
		List<String> listed = new ArrayList<>();
		boolean on = false;
		for (String l : Files.readAllLines(out.resolve("manifest.yaml"))) {
			if (l.equals("artifacts:")) on = true;
			else if (l.matches("^[a-z_]+:.*")) on = false;
			else if (on && l.startsWith("- path: ")) listed.add(l.substring("- path: ".length()));
		}
		assertTrue(listed.contains("boot.scr") && listed.contains("xl/guest.cfg") && listed.size() > 10, listed.toString());
		for (String f : listed) assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(deployed.resolve(f)), f);
		assertArrayEquals(Files.readAllBytes(out.resolve("manifest.yaml")), Files.readAllBytes(deployed.resolve("manifest.yaml")));
		try (Stream<Path> all = Files.walk(deployed)) {
			assertEquals(listed.size() + 1, all.filter(Files::isRegularFile).count(), "what the manifest lists, and nothing else");
		}
	}

	@Test
	void withAllVariantsEveryProductIsDeployedInAFolderOfItsOwn() throws Exception {
		Map<String, String> vars = variables(ROOT.resolve("examples/ivi/cockpit.tess"));
		vars.put("TESSERA_ARGS", "--werror --all-variants");
		assertEquals(0, task("do_tessera_generate", vars).exit(), "generate");
		assertEquals(0, task("do_deploy", vars).exit(), "deploy");
		Path out = Path.of(vars.get("TESSERA_OUT")), deployed = Path.of(vars.get("DEPLOYDIR"), "tessera");
		for (String product : List.of("cockpit", "premium", "base")) {
			assertArrayEquals(Files.readAllBytes(out.resolve(product + "/manifest.yaml")), Files.readAllBytes(deployed.resolve(product + "/manifest.yaml")), product);
			assertArrayEquals(Files.readAllBytes(out.resolve(product + "/boot.scr")), Files.readAllBytes(deployed.resolve(product + "/boot.scr")), product);
		}
		// the premium cockpit's extra domain, the base one without the guest
		assertTrue(Files.exists(deployed.resolve("premium/xl/rear.cfg")), "premium has its rear-seat domain");
		assertFalse(Files.exists(deployed.resolve("base/xl/guest.cfg")), "base has no guest");
		assertFalse(Files.exists(deployed.resolve("manifest.yaml")), "no manifest at the top: one per product");
	}

	@Test
	void aSystemWithAWarningFailsTheTaskAndNothingIsDeployed() throws Exception {
		Path system = Files.writeString(tmp.resolve("w.tess"), """
				system w on qemu-virt {
					xen 4.17 { console uart0 image "xen" max 4M }
					domain dom0 control { memory 256M kernel "Image" max 40M passthrough gpio0 }
				}
				""");
		Map<String, String> vars = variables(system);
		Result r = task("do_tessera_generate", vars);
		assertEquals(1, r.exit(), r.output());
		assertTrue(r.output().contains("error: domain 'dom0' is dom0") && r.output().contains("[device.passthrough-dom0]"),
				"--werror by default: " + r.output());
		assertFalse(Files.exists(Path.of(vars.get("TESSERA_OUT"))));
	}

	@Test
	void withoutASystemTheTaskStopsWithBitBakesFatalMessage() throws Exception {
		Map<String, String> vars = variables(tmp.resolve("x.tess"));
		vars.put("TESSERA_SYSTEM", "");
		Result r = task("do_tessera_generate", vars);
		assertNotEquals(0, r.exit());
		assertTrue(r.output().contains("set TESSERA_SYSTEM"), r.output());
	}

	/** What BitBake would set for a recipe that inherits the class, in a scratch build tree. */
	private Map<String, String> variables(Path system) throws Exception {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("WORKDIR", Files.createDirectories(tmp.resolve("work")).toString());
		v.put("B", Files.createDirectories(tmp.resolve("work/build")).toString());
		v.put("DEPLOYDIR", Files.createDirectories(tmp.resolve("work/deploy-xen-cockpit")).toString());
		v.put("DEPLOY_DIR_IMAGE", Files.createDirectories(tmp.resolve("deploy/images/qemuarm64")).toString());
		v.put("TESSERA", "java -jar " + JAR);
		v.put("TESSERA_SYSTEM", system.toString());
		// the class's defaults (?=), expanded as BitBake would
		v.put("TESSERA_FILES", v.get("DEPLOY_DIR_IMAGE"));
		v.put("TESSERA_ARGS", "--werror");
		v.put("TESSERA_OUT", v.get("B") + "/tessera");
		return v;
	}

	record Result(int exit, String output) {
	}

	/** The body of a shell task of the class, run by bash in ${B} with the variables set and bbfatal defined. */
	private Result task(String name, Map<String, String> vars) throws Exception {
		List<String> lines = Files.readAllLines(CLASS);
		int start = lines.indexOf(name + "() {");
		assertTrue(start >= 0, name + " in " + CLASS);
		int end = start + 1;
		while (!lines.get(end).equals("}")) end++;
		StringBuilder script = new StringBuilder("set -e\nbbfatal() { echo \"ERROR: $*\" >&2; exit 1; }\n");
		vars.forEach((k, v) -> script.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
		lines.subList(start + 1, end).forEach(l -> script.append(l).append('\n'));
		Process p = new ProcessBuilder("bash", "-c", script.toString()).directory(Path.of(vars.get("B")).toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(2, TimeUnit.MINUTES), name + " did not finish");
		return new Result(p.exitValue(), out);
	}
}
