/*
 * A domain that does nothing but burn its vCPU, for measuring CPU shares without a guest OS: an arm64 Image
 * header (the layout of Linux's Documentation/arm64/booting.rst, which Xen's kernel_zimage64_probe checks by its
 * magic) followed by a branch to itself. It never blocks, takes no interrupt (DAIF is masked at entry) and needs
 * no device tree, so the vCPU is runnable every nanosecond the scheduler gives it.
 */
	.text
	.globl	_start
_start:
	b	spin			/* code0: jump over the header */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	end - _start		/* image_size */
	.quad	0			/* flags: little endian */
	.quad	0, 0, 0			/* res2-res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */
spin:
	b	spin
end:
