# tessera.bbclass: generate everything a Xen image needs from a .tess system with Tessera, and deploy it.
#
#   inherit tessera
#   TESSERA_SYSTEM = "${WORKDIR}/cockpit.tess"
#
# do_tessera_generate runs `tessera generate` into ${B}/tessera with the deploy folder as the place of the kernels and
# ramdisks (their real sizes place them), warnings as errors, and a make dependency file beside it; do_deploy copies
# what manifest.yaml lists (and the manifest) into ${DEPLOYDIR}/tessera; with --all-variants in TESSERA_ARGS, each product
# (the system as written and every variant) into a folder of its own there. The task bodies are plain shell with plain
# variables, so that Tessera's suite runs them as they are (integrations/…/YoctoClassTest): BitBake itself is not
# available on the machines Tessera is built on.

TESSERA ?= "tessera"
TESSERA_SYSTEM ?= ""
TESSERA_FILES ?= "${DEPLOY_DIR_IMAGE}"
TESSERA_ARGS ?= "--werror"
TESSERA_OUT ?= "${B}/tessera"

inherit deploy

do_tessera_generate() {
	if [ -z "${TESSERA_SYSTEM}" ]; then
		bbfatal "tessera.bbclass: set TESSERA_SYSTEM to the .tess file of the system"
	fi
	${TESSERA} generate "${TESSERA_SYSTEM}" -o "${TESSERA_OUT}" --files "${TESSERA_FILES}" -d "${TESSERA_OUT}.d" ${TESSERA_ARGS}
}
addtask tessera_generate after do_compile before do_deploy
do_tessera_generate[depends] += "virtual/kernel:do_deploy"

do_deploy() {
	install -d "${DEPLOYDIR}/tessera"
	# the artifacts each manifest.yaml lists ("- path: …" lines of its artifacts section), then the manifest itself:
	# one manifest at the top, or, with --all-variants (or several --variant) in TESSERA_ARGS, one per product in a
	# folder of its own, deployed into a folder of the same name
	for manifest in "${TESSERA_OUT}/manifest.yaml" "${TESSERA_OUT}"/*/manifest.yaml; do
		[ -f "$manifest" ] || continue
		src="$(dirname "$manifest")"
		dest="${DEPLOYDIR}/tessera"
		[ "$src" = "${TESSERA_OUT}" ] || dest="$dest/$(basename "$src")"
		awk '/^artifacts:/ { on = 1; next } /^[a-z_]+:/ { on = 0 } on && /^- path: / { sub(/^- path: /, ""); print }' \
			"$manifest" > "${B}/tessera-deploy.list"
		while read -r f; do
			mkdir -p "$(dirname "$dest/$f")"
			cp -p "$src/$f" "$dest/$f"
		done < "${B}/tessera-deploy.list"
		cp -p "$manifest" "$dest/manifest.yaml"
	done
}
addtask deploy after do_tessera_generate
