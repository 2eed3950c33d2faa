package dev.tessera.boot.marker;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a cpio archive in the "newc" format (magic {@code 070701}), the format the Linux kernel
 * unpacks as an initramfs. Parent directories must be added before their children; the archive is
 * finished by {@link #close()}, which writes the {@code TRAILER!!!} entry (it does not close the
 * underlying stream's owner: pass a stream you close yourself, or one meant to be closed here).
 */
public final class CpioNewcWriter implements Closeable {

	public static final int S_IFDIR = 0040000;
	public static final int S_IFREG = 0100000;
	public static final int S_IFLNK = 0120000;
	public static final int S_IFCHR = 0020000;

	private final OutputStream out;
	private final Set<String> names = new HashSet<>();
	private long written;
	private int nextInode = 1;
	private boolean closed;

	public CpioNewcWriter(OutputStream out) {
		this.out = out;
	}

	/** Adds a directory, e.g. {@code "bin"} (no leading slash). */
	public void directory(String name, int permissions) throws IOException {
		entry(name, S_IFDIR | (permissions & 07777), 2, 0, 0, new byte[0]);
	}

	/** Adds a regular file with the given content and permissions (e.g. 0755). */
	public void file(String name, int permissions, byte[] content) throws IOException {
		entry(name, S_IFREG | (permissions & 07777), 1, 0, 0, content);
	}

	/** Adds a symbolic link {@code name -> target}. */
	public void symlink(String name, String target) throws IOException {
		entry(name, S_IFLNK | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
	}

	/** Adds a character device node, e.g. {@code dev/console} 5:1. */
	public void characterDevice(String name, int permissions, int major, int minor) throws IOException {
		entry(name, S_IFCHR | (permissions & 07777), 1, major, minor, new byte[0]);
	}

	/** Whether an entry of this name was added already. */
	public boolean contains(String name) {
		return names.contains(normalize(name));
	}

	private static String normalize(String name) {
		String n = name;
		while (n.startsWith("/")) {
			n = n.substring(1);
		}
		if (n.startsWith("./")) {
			n = n.substring(2);
		}
		return n;
	}

	private void entry(String rawName, int mode, int nlink, int rdevMajor, int rdevMinor, byte[] data)
			throws IOException {
		if (closed) {
			throw new IllegalStateException("archive already finished");
		}
		String name = rawName.equals("TRAILER!!!") ? rawName : normalize(rawName);
		if (name.isEmpty()) {
			throw new IllegalArgumentException("empty entry name");
		}
		if (!name.equals("TRAILER!!!") && !names.add(name)) {
			throw new IllegalArgumentException("duplicate cpio entry: " + name);
		}
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		StringBuilder h = new StringBuilder(110);
		h.append("070701");
		hex(h, name.equals("TRAILER!!!") ? 0 : nextInode++); // c_ino
		hex(h, mode);                 // c_mode
		hex(h, 0);                    // c_uid
		hex(h, 0);                    // c_gid
		hex(h, nlink);                // c_nlink
		hex(h, 0);                    // c_mtime: fixed, so archives are reproducible
		hex(h, data.length);          // c_filesize
		hex(h, 0);                    // c_devmajor
		hex(h, 0);                    // c_devminor
		hex(h, rdevMajor);            // c_rdevmajor
		hex(h, rdevMinor);            // c_rdevminor
		hex(h, nameBytes.length + 1); // c_namesize, with the NUL
		hex(h, 0);                    // c_check
		write(h.toString().getBytes(StandardCharsets.US_ASCII));
		write(nameBytes);
		write(new byte[] {0});
		pad();
		write(data);
		pad();
	}

	private static void hex(StringBuilder h, long value) {
		String s = Long.toHexString(value & 0xffffffffL).toUpperCase();
		h.append("0".repeat(8 - s.length())).append(s);
	}

	private void write(byte[] b) throws IOException {
		out.write(b);
		written += b.length;
	}

	private void pad() throws IOException {
		int n = (int) ((4 - (written % 4)) % 4);
		if (n > 0) {
			write(new byte[n]);
		}
	}

	/** Writes the trailer and closes the underlying stream. */
	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		entry("TRAILER!!!", 0, 1, 0, 0, new byte[0]);
		closed = true;
		out.close();
	}
}
