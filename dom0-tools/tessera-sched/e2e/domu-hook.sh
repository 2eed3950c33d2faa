# Appended to the marker initramfs's /tess/hook in the scheduled domains by boot.sh: with tess_burn=1 the
# domain burns its vCPU for ever, so it uses every slot the scheduler gives it.
if [ "${tess_burn:-0}" = 1 ]; then
  ( while :; do :; done ) &
  m BURN started
fi
